import type { ColumnSpec } from './columns';
import {
  AUTHORITY_KIND_LABELS,
  FUND_POLICY_LABELS,
  FUND_SOURCE_LABELS,
  FUND_STATUS_LABELS,
  PROGRAM_CATEGORY_LABELS,
  PROGRAM_MODE_LABELS,
  QUALIFICATION_KIND_LABELS,
} from './labels';
import {
  boolean,
  CellParser,
  code,
  country,
  date,
  integer,
  labelled,
  listOf,
  openLabelled,
  text,
  vnd,
} from './values';

/** Reference data an organization loads once when it starts, and then from time to time. */
export const REFERENCE_IMPORT_KINDS = [
  'authorities',
  'funds',
  'allocations',
  'planning-pools',
  'providers',
  'programs',
  'intakes',
] as const;
export type ReferenceImportKind = (typeof REFERENCE_IMPORT_KINDS)[number];

/** Fiscal years and planning periods, as the schema bounds them. */
const year = integer(2000, 2100);

/** A planning period written in one cell: `2025-2030`, `2025–2030`, `2025 - 2030`. */
export const period: CellParser<{ from: number; to: number }> = (cell) => {
  const match = typeof cell === 'string' ? /^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$/.exec(cell) : null;
  if (!match) {
    return {
      ok: false,
      code: 'INVALID_VALUE',
      message: `${JSON.stringify(cell)} is not a period of years (e.g. 2025-2030)`,
      params: { value: JSON.stringify(cell), expected: '2025-2030' },
    };
  }
  const from = year(match[1]);
  const to = year(match[2]);
  if (!from.ok) return from;
  if (!to.ok) return to;
  return { ok: true, value: { from: from.value, to: to.value } };
};

export const REFERENCE_IMPORT_COLUMNS: Record<ReferenceImportKind, ColumnSpec[]> = {
  authorities: [
    {
      key: 'code',
      headers: ['Mã thẩm quyền quản lý', 'Mã thẩm quyền'],
      required: true,
      parse: code,
    },
    {
      key: 'name',
      headers: ['Tên thẩm quyền quản lý', 'Tên thẩm quyền', 'Thẩm quyền quản lý'],
      required: true,
      parse: text,
    },
    {
      key: 'kind',
      headers: ['Loại thẩm quyền', 'Loại'],
      required: true,
      parse: openLabelled(AUTHORITY_KIND_LABELS, 40),
    },
    { key: 'unit_code', headers: ['Mã đơn vị', 'Đơn vị'], required: true, parse: code },
    { key: 'active', headers: ['Hoạt động'], parse: boolean },
  ],
  funds: [
    { key: 'code', headers: ['Mã quỹ', 'Mã nguồn kinh phí'], required: true, parse: code },
    { key: 'name', headers: ['Tên quỹ', 'Tên nguồn kinh phí'], required: true, parse: text },
    {
      key: 'fiscal_year',
      headers: ['Năm ngân sách', 'Năm tài chính', 'Năm'],
      required: true,
      parse: year,
    },
    {
      key: 'owner_unit_code',
      headers: ['Mã đơn vị chủ quản', 'Đơn vị chủ quản', 'Mã đơn vị'],
      required: true,
      parse: code,
    },
    {
      key: 'source',
      headers: ['Nguồn kinh phí', 'Nguồn'],
      required: true,
      parse: labelled(FUND_SOURCE_LABELS),
    },
    {
      key: 'policy',
      headers: ['Khi hết kinh phí', 'Chính sách'],
      parse: labelled(FUND_POLICY_LABELS),
    },
    { key: 'status', headers: ['Tình trạng'], parse: labelled(FUND_STATUS_LABELS) },
  ],
  allocations: [
    { key: 'fund_code', headers: ['Mã quỹ'], required: true, parse: code },
    {
      key: 'allocated',
      headers: ['Số được cấp', 'Dự toán được giao', 'Số tiền'],
      required: true,
      parse: vnd,
    },
    { key: 'comment', headers: ['Ghi chú', 'Lý do'], parse: text },
  ],
  'planning-pools': [
    { key: 'staff_code', headers: ['Mã cán bộ'], required: true, parse: code },
    {
      key: 'position_code',
      headers: ['Mã chức danh quy hoạch', 'Mã chức danh', 'Chức danh quy hoạch'],
      required: true,
      parse: code,
    },
    { key: 'period', headers: ['Giai đoạn', 'Giai đoạn quy hoạch', 'Nhiệm kỳ'], parse: period },
    { key: 'period_from', headers: ['Từ năm'], parse: year },
    { key: 'period_to', headers: ['Đến năm'], parse: year },
  ],
  providers: [
    { key: 'code', headers: ['Mã cơ sở đào tạo', 'Mã cơ sở'], required: true, parse: code },
    { key: 'name', headers: ['Tên cơ sở đào tạo', 'Tên cơ sở'], required: true, parse: text },
    { key: 'country', headers: ['Quốc gia', 'Nước'], parse: country },
    { key: 'active', headers: ['Hoạt động'], parse: boolean },
  ],
  programs: [
    { key: 'code', headers: ['Mã chương trình'], required: true, parse: code },
    { key: 'name', headers: ['Tên chương trình'], required: true, parse: text },
    {
      key: 'category',
      headers: ['Loại chương trình', 'Loại'],
      required: true,
      parse: labelled(PROGRAM_CATEGORY_LABELS),
    },
    { key: 'provider_code', headers: ['Mã cơ sở đào tạo'], required: true, parse: code },
    { key: 'overseas', headers: ['Ở nước ngoài', 'Nước ngoài'], parse: boolean },
    {
      key: 'mode',
      headers: ['Hình thức đào tạo', 'Hình thức'],
      required: true,
      parse: labelled(PROGRAM_MODE_LABELS),
    },
    {
      key: 'duration_months',
      headers: ['Thời gian (tháng)', 'Số tháng'],
      required: true,
      parse: integer(0, 120),
    },
    {
      key: 'grants_kind',
      headers: ['Nâng trình độ', 'Loại trình độ đạt được'],
      parse: labelled(QUALIFICATION_KIND_LABELS),
    },
    // Read against grants_kind's own scale by the importer ("trung cấp" differs per scale).
    { key: 'grants_level', headers: ['Trình độ đạt được', 'Bậc đạt được'], parse: text },
    { key: 'active', headers: ['Hoạt động'], parse: boolean },
  ],
  intakes: [
    { key: 'code', headers: ['Mã khóa học', 'Mã lớp'], required: true, parse: code },
    { key: 'program_code', headers: ['Mã chương trình'], required: true, parse: code },
    { key: 'authority_code', headers: ['Mã thẩm quyền quản lý'], parse: code },
    { key: 'starts_on', headers: ['Ngày khai giảng', 'Ngày bắt đầu'], required: true, parse: date },
    { key: 'ends_on', headers: ['Ngày kết thúc', 'Ngày bế giảng'], required: true, parse: date },
    { key: 'location', headers: ['Địa điểm'], required: true, parse: text },
    {
      key: 'seats_total',
      headers: ['Số chỉ tiêu', 'Chỉ tiêu'],
      required: true,
      parse: integer(0, 1_000_000),
    },
    {
      key: 'nomination_opens_on',
      headers: ['Ngày mở cử', 'Ngày bắt đầu cử'],
      required: true,
      parse: date,
    },
    {
      key: 'nomination_closes_on',
      headers: ['Hạn cử', 'Ngày kết thúc cử'],
      required: true,
      parse: date,
    },
    { key: 'cost_tuition', headers: ['Học phí'], parse: vnd },
    { key: 'cost_allowances', headers: ['Phụ cấp', 'Chế độ'], parse: vnd },
    { key: 'cost_travel', headers: ['Đi lại', 'Chi phí đi lại'], parse: vnd },
    { key: 'cost_other', headers: ['Chi phí khác'], parse: vnd },
    {
      key: 'allowed_sources',
      headers: ['Nguồn kinh phí được dùng', 'Nguồn kinh phí'],
      parse: listOf(labelled(FUND_SOURCE_LABELS)),
    },
    {
      key: 'learner_share_percent',
      headers: ['Tỷ lệ người học đóng (%)', 'Người học đóng (%)'],
      parse: integer(0, 100),
    },
    { key: 'active', headers: ['Hoạt động'], parse: boolean },
  ],
};
