import { code, date, text } from './values';
import { category, count, fundingSource, location, outcome, wholeVnd } from './history-values';
import type { ColumnSpec } from './columns';

/** The training history an organization brings from before the product. */
export const HISTORY_KINDS = ['participations', 'compliance'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const HISTORY_COLUMNS: Record<HistoryKind, ColumnSpec[]> = {
  participations: [
    { key: 'staff_code', headers: ['Mã cán bộ'], required: true, parse: code },
    { key: 'program_code', headers: ['Mã chương trình', 'Chương trình'], parse: code },
    { key: 'category', headers: ['Loại hình đào tạo', 'Loại hình'], parse: category },
    { key: 'starts_on', headers: ['Ngày bắt đầu', 'Từ ngày'], required: true, parse: date },
    { key: 'ends_on', headers: ['Ngày kết thúc', 'Đến ngày'], required: true, parse: date },
    { key: 'provider_code', headers: ['Mã cơ sở đào tạo'], parse: code },
    { key: 'provider_name', headers: ['Cơ sở đào tạo', 'Nơi đào tạo'], parse: text },
    {
      key: 'location',
      headers: ['Trong nước/Nước ngoài', 'Trong nước, nước ngoài'],
      parse: location,
    },
    { key: 'cost', headers: ['Kinh phí', 'Kinh phí (đồng)', 'Chi phí'], parse: wholeVnd },
    { key: 'fund_code', headers: ['Mã quỹ', 'Mã nguồn kinh phí'], parse: code },
    { key: 'funding_source', headers: ['Nguồn kinh phí', 'Nguồn'], parse: fundingSource },
    { key: 'outcome', headers: ['Kết quả'], required: true, parse: outcome },
  ],
  compliance: [
    { key: 'unit_code', headers: ['Mã đơn vị'], required: true, parse: code },
    { key: 'date', headers: ['Ngày', 'Ngày số liệu'], required: true, parse: date },
    { key: 'staff', headers: ['Số cán bộ', 'Tổng số cán bộ'], required: true, parse: count },
    { key: 'with_position', headers: ['Giữ chức danh', 'Số giữ chức danh'], parse: count },
    {
      key: 'meeting_standard',
      headers: ['Đạt chuẩn', 'Số đạt chuẩn'],
      required: true,
      parse: count,
    },
    { key: 'university', headers: ['Đại học trở lên'], required: true, parse: count },
    {
      key: 'political_theory',
      headers: ['LLCT trung cấp trở lên', 'Lý luận chính trị trung cấp trở lên'],
      required: true,
      parse: count,
    },
  ],
};
