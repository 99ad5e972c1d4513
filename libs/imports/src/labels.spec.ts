import { FUNDING_SOURCES, PROGRAM_CATEGORIES, PROGRAM_MODES } from '@app/catalog';
import { EMPLOYMENT_STATUSES, UNIT_KINDS } from '@app/organization/vocabulary';
import { IMPORT_COLUMNS } from './columns';
import {
  EMPLOYMENT_STATUS_LABELS,
  FUND_SOURCE_LABELS,
  PROGRAM_CATEGORY_LABELS,
  PROGRAM_MODE_LABELS,
  UNIT_KIND_LABELS,
} from './labels';
import { normalizeKeyword } from './values';

const parserOf = (kind: keyof typeof IMPORT_COLUMNS, key: string) =>
  IMPORT_COLUMNS[kind].find((column) => column.key === key)!.parse;

describe('Vietnamese labels of coded columns', () => {
  it('should label every code of the vocabularies they translate', () => {
    expect(Object.keys(UNIT_KIND_LABELS).sort()).toEqual([...UNIT_KINDS].sort());
    expect(Object.keys(EMPLOYMENT_STATUS_LABELS).sort()).toEqual([...EMPLOYMENT_STATUSES].sort());
    expect(Object.keys(FUND_SOURCE_LABELS).sort()).toEqual([...FUNDING_SOURCES].sort());
    expect(Object.keys(PROGRAM_CATEGORY_LABELS).sort()).toEqual([...PROGRAM_CATEGORIES].sort());
    expect(Object.keys(PROGRAM_MODE_LABELS).sort()).toEqual([...PROGRAM_MODES].sort());
  });

  it('should give no label two meanings within one table', () => {
    for (const table of [FUND_SOURCE_LABELS, PROGRAM_CATEGORY_LABELS, UNIT_KIND_LABELS]) {
      const words = Object.entries(table).flatMap(([code, labels]) => [code, ...labels]);
      const normalized = words.map(normalizeKeyword);
      expect(new Set(normalized).size).toBe(normalized.length);
    }
  });

  it('should read staff levels by their Vietnamese names, without case or diacritics', () => {
    const education = parserOf('staff', 'education_level');
    expect(['Cử nhân', 'ĐẠI HỌC', 'kỹ sư', 'ki su'].map(education)).toEqual(
      Array(4).fill({ ok: true, value: 3 }),
    );
    expect(education('thạc sĩ')).toEqual({ ok: true, value: 4 });
    expect(education('TIEN SI')).toEqual({ ok: true, value: 5 });
    expect(education('cao đẳng')).toEqual({ ok: true, value: 2 });
    expect(education('trung cấp')).toEqual({ ok: true, value: 1 });

    const theory = parserOf('staff', 'political_theory');
    expect(theory('Cao cấp')).toEqual({ ok: true, value: 3 });
    expect(theory('cử nhân chính trị')).toEqual({ ok: true, value: 3 });
    expect(theory('trung cấp')).toEqual({ ok: true, value: 2 });
    expect(theory('sơ cấp')).toEqual({ ok: true, value: 1 });

    const fostering = parserOf('staff', 'fostering_rank');
    expect(fostering('Chuyên viên')).toEqual({ ok: true, value: 1 });
    expect(fostering('chuyên viên chính')).toEqual({ ok: true, value: 2 });
    expect(fostering('CHUYEN VIEN CAO CAP')).toEqual({ ok: true, value: 3 });

    const rank = parserOf('staff', 'civil_service_rank');
    expect(rank('cán sự')).toEqual({ ok: true, value: 1 });
    expect(rank('chuyên viên chính')).toEqual({ ok: true, value: 3 });
    expect(parserOf('staff', 'language_level')('B1')).toEqual({ ok: true, value: 3 });
    expect(parserOf('staff', 'employment_status')('Nghỉ hưu')).toEqual({
      ok: true,
      value: 'retired',
    });
  });

  it('should name the accepted labels when a label is unknown', () => {
    const result = parserOf('staff', 'education_level')('giỏi');
    expect(result).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
    expect(!result.ok && result.message).toContain('thạc sĩ');
    const source = parserOf('funds', 'source')('vay ngân hàng');
    expect(!source.ok && source.message).toContain(
      'ngân sách nhà nước/ngân sách/NSNN (state_budget)',
    );
  });

  it('should read the reference kinds’ coded columns', () => {
    expect(parserOf('funds', 'source')('Ngân sách nhà nước')).toEqual({
      ok: true,
      value: 'state_budget',
    });
    expect(parserOf('funds', 'source')('học bổng')).toEqual({ ok: true, value: 'scholarship' });
    expect(parserOf('authorities', 'kind')('Ban Thường vụ')).toEqual({
      ok: true,
      value: 'standing_committee',
    });
    expect(parserOf('authorities', 'kind')('ban to chuc')).toEqual({
      ok: true,
      value: 'organization_board',
    });
    expect(parserOf('authorities', 'kind')('district_board')).toEqual({
      ok: true,
      value: 'district_board',
    });
    expect(parserOf('authorities', 'kind')('Ban Dân vận')).toMatchObject({ ok: false });
    expect(parserOf('programs', 'category')('Trung cấp lý luận chính trị')).toEqual({
      ok: true,
      value: 'political_theory_intermediate',
    });
    expect(parserOf('programs', 'mode')('tập trung')).toEqual({ ok: true, value: 'full_time' });
    expect(parserOf('intakes', 'allowed_sources')('ngân sách nhà nước; tài trợ')).toEqual({
      ok: true,
      value: ['state_budget', 'sponsor'],
    });
    expect(parserOf('providers', 'country')('Việt Nam')).toEqual({ ok: true, value: 'VN' });
    expect(parserOf('providers', 'country')('nz')).toEqual({ ok: true, value: 'NZ' });
    expect(parserOf('planning-pools', 'period')('2025 – 2030')).toEqual({
      ok: true,
      value: { from: 2025, to: 2030 },
    });
  });
});
