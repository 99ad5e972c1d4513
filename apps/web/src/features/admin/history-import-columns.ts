/** The training-history imports (docs/import.md): past participations and compliance figures. */
export const HISTORY_KINDS = ['participations', 'compliance'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** Key, Vietnamese header, required. */
export const HISTORY_COLUMNS: Record<HistoryKind, Array<[string, string, boolean]>> = {
  participations: [
    ['staff_code', 'Mã cán bộ', true],
    ['program_code', 'Mã chương trình', false],
    ['category', 'Loại hình đào tạo', false],
    ['starts_on', 'Ngày bắt đầu', true],
    ['ends_on', 'Ngày kết thúc', true],
    ['provider_code', 'Mã cơ sở đào tạo', false],
    ['provider_name', 'Cơ sở đào tạo', false],
    ['location', 'Trong nước/Nước ngoài', false],
    ['cost', 'Kinh phí', false],
    ['fund_code', 'Mã quỹ', false],
    ['funding_source', 'Nguồn kinh phí', false],
    ['outcome', 'Kết quả', true],
  ],
  compliance: [
    ['unit_code', 'Mã đơn vị', true],
    ['date', 'Ngày', true],
    ['staff', 'Số cán bộ', true],
    ['with_position', 'Giữ chức danh', false],
    ['meeting_standard', 'Đạt chuẩn', true],
    ['university', 'Đại học trở lên', true],
    ['political_theory', 'LLCT trung cấp trở lên', true],
  ],
};
