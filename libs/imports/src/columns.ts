import { LANGUAGE_LEVEL_MAX } from '@app/organization/vocabulary';
import { EMPLOYMENT_STATUS_LABELS, UNIT_KIND_LABELS } from './labels';
import { REFERENCE_IMPORT_COLUMNS, REFERENCE_IMPORT_KINDS } from './reference-columns';
import {
  boolean,
  CellParser,
  CIVIL_SERVICE_RANK_NAMES,
  code,
  date,
  EDUCATION_NAMES,
  FOSTERING_RANK_NAMES,
  gender,
  labelled,
  LANGUAGE_LEVEL_NAMES,
  level,
  POLITICAL_THEORY_NAMES,
  text,
} from './values';
import { email, roleList } from './user-roles';
import { HISTORY_COLUMNS, HISTORY_KINDS } from './history-columns';

export const IMPORT_KINDS = [
  'units',
  'positions',
  'staff',
  'users',
  ...REFERENCE_IMPORT_KINDS,
  ...HISTORY_KINDS,
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ColumnSpec {
  /** The English key, also accepted as a header. */
  key: string;
  /** Vietnamese headers (and other aliases), matched without case or diacritics. */
  headers: string[];
  required?: boolean;
  parse: CellParser<unknown>;
}

const unitKind = labelled(UNIT_KIND_LABELS);
const employmentStatus = labelled(EMPLOYMENT_STATUS_LABELS);
const education = level(1, 5, EDUCATION_NAMES);
const languageLevel = level(1, LANGUAGE_LEVEL_MAX, LANGUAGE_LEVEL_NAMES);
const fosteringRank = level(1, 3, FOSTERING_RANK_NAMES);

export const IMPORT_COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  units: [
    { key: 'code', headers: ['Mã đơn vị'], required: true, parse: code },
    { key: 'name', headers: ['Tên đơn vị'], required: true, parse: text },
    { key: 'tier_code', headers: ['Mã cấp', 'Cấp'], required: true, parse: code },
    { key: 'kind', headers: ['Loại đơn vị'], required: true, parse: unitKind },
    { key: 'parent_code', headers: ['Mã đơn vị cấp trên', 'Đơn vị cấp trên'], parse: code },
    { key: 'active', headers: ['Hoạt động'], parse: boolean },
  ],
  positions: [
    { key: 'code', headers: ['Mã chức danh'], required: true, parse: code },
    { key: 'name', headers: ['Tên chức danh'], required: true, parse: text },
    { key: 'is_leadership', headers: ['Lãnh đạo'], parse: boolean },
    { key: 'min_education', headers: ['Trình độ chuyên môn tối thiểu'], parse: education },
    {
      key: 'min_political_theory',
      headers: ['Lý luận chính trị tối thiểu'],
      parse: level(1, 3, POLITICAL_THEORY_NAMES),
    },
    { key: 'min_fostering_rank', headers: ['Bồi dưỡng QLNN tối thiểu'], parse: fosteringRank },
    { key: 'min_language_level', headers: ['Ngoại ngữ tối thiểu'], parse: languageLevel },
  ],
  staff: [
    { key: 'code', headers: ['Mã cán bộ'], required: true, parse: code },
    { key: 'full_name', headers: ['Họ và tên', 'Họ tên'], required: true, parse: text },
    { key: 'birth_date', headers: ['Ngày sinh'], required: true, parse: date },
    { key: 'gender', headers: ['Giới tính'], required: true, parse: gender },
    { key: 'ethnic_minority', headers: ['Dân tộc thiểu số'], parse: boolean },
    { key: 'unit_code', headers: ['Mã đơn vị'], required: true, parse: code },
    { key: 'position_code', headers: ['Mã chức danh'], parse: code },
    { key: 'civil_service_rank', headers: ['Ngạch'], parse: level(1, 4, CIVIL_SERVICE_RANK_NAMES) },
    { key: 'education_level', headers: ['Trình độ chuyên môn'], parse: education },
    { key: 'education_field', headers: ['Chuyên ngành'], parse: text },
    {
      key: 'political_theory',
      headers: ['Lý luận chính trị'],
      parse: level(0, 3, POLITICAL_THEORY_NAMES),
    },
    { key: 'fostering_rank', headers: ['Bồi dưỡng QLNN'], parse: fosteringRank },
    { key: 'language_level', headers: ['Ngoại ngữ'], parse: languageLevel },
    { key: 'joined_service_on', headers: ['Ngày vào ngành'], parse: date },
    {
      key: 'authority_code',
      headers: ['Mã thẩm quyền quản lý', 'Thẩm quyền quản lý'],
      required: true,
      parse: code,
    },
    { key: 'employment_status', headers: ['Trạng thái'], parse: employmentStatus },
  ],
  users: [
    {
      key: 'email',
      headers: ['Email', 'Thư điện tử', 'Địa chỉ email'],
      required: true,
      parse: email,
    },
    {
      key: 'full_name',
      headers: ['Họ và tên', 'Họ tên', 'Tên hiển thị'],
      required: true,
      parse: text,
    },
    { key: 'roles', headers: ['Vai trò', 'Vai trò và phạm vi'], parse: roleList },
    { key: 'staff_code', headers: ['Mã cán bộ'], parse: code },
    { key: 'active', headers: ['Hoạt động'], parse: boolean },
  ],
  ...REFERENCE_IMPORT_COLUMNS,
  ...HISTORY_COLUMNS,
};
