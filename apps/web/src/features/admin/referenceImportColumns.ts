/** The reference data an administrator imports (docs/import.md), beside units, positions, staff. */
export const REFERENCE_KINDS = [
  'authorities',
  'funds',
  'allocations',
  'planning-pools',
  'providers',
  'programs',
  'intakes',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const isReferenceKind = (kind: string): kind is ReferenceKind =>
  (REFERENCE_KINDS as readonly string[]).includes(kind);

/** The columns of each file: key, Vietnamese header, required. */
export const REFERENCE_COLUMNS: Record<ReferenceKind, Array<[string, string, boolean]>> = {
  authorities: [
    ['code', 'Mã thẩm quyền quản lý', true],
    ['name', 'Tên thẩm quyền quản lý', true],
    ['kind', 'Loại thẩm quyền', true],
    ['unit_code', 'Mã đơn vị', true],
    ['active', 'Hoạt động', false],
  ],
  funds: [
    ['code', 'Mã quỹ', true],
    ['name', 'Tên quỹ', true],
    ['fiscal_year', 'Năm ngân sách', true],
    ['owner_unit_code', 'Mã đơn vị chủ quản', true],
    ['source', 'Nguồn kinh phí', true],
    ['policy', 'Khi hết kinh phí', false],
    ['status', 'Tình trạng', false],
  ],
  allocations: [
    ['fund_code', 'Mã quỹ', true],
    ['allocated', 'Số được cấp', true],
    ['comment', 'Ghi chú', false],
  ],
  'planning-pools': [
    ['staff_code', 'Mã cán bộ', true],
    ['position_code', 'Mã chức danh quy hoạch', true],
    ['period', 'Giai đoạn', false],
    ['period_from', 'Từ năm', false],
    ['period_to', 'Đến năm', false],
  ],
  providers: [
    ['code', 'Mã cơ sở đào tạo', true],
    ['name', 'Tên cơ sở đào tạo', true],
    ['country', 'Quốc gia', false],
    ['active', 'Hoạt động', false],
  ],
  programs: [
    ['code', 'Mã chương trình', true],
    ['name', 'Tên chương trình', true],
    ['category', 'Loại chương trình', true],
    ['provider_code', 'Mã cơ sở đào tạo', true],
    ['overseas', 'Ở nước ngoài', false],
    ['mode', 'Hình thức đào tạo', true],
    ['duration_months', 'Thời gian (tháng)', true],
    ['grants_kind', 'Nâng trình độ', false],
    ['grants_level', 'Trình độ đạt được', false],
    ['active', 'Hoạt động', false],
  ],
  intakes: [
    ['code', 'Mã khóa học', true],
    ['program_code', 'Mã chương trình', true],
    ['authority_code', 'Mã thẩm quyền quản lý', false],
    ['starts_on', 'Ngày khai giảng', true],
    ['ends_on', 'Ngày kết thúc', true],
    ['location', 'Địa điểm', true],
    ['seats_total', 'Số chỉ tiêu', true],
    ['nomination_opens_on', 'Ngày mở cử', true],
    ['nomination_closes_on', 'Hạn cử', true],
    ['cost_tuition', 'Học phí', false],
    ['cost_allowances', 'Phụ cấp', false],
    ['cost_travel', 'Đi lại', false],
    ['cost_other', 'Chi phí khác', false],
    ['allowed_sources', 'Nguồn kinh phí được dùng', false],
    ['learner_share_percent', 'Tỷ lệ người học đóng (%)', false],
    ['active', 'Hoạt động', false],
  ],
};
