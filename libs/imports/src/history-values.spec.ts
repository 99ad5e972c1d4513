import { checkComplianceRow } from './compliance.importer';
import { category, count, fundingSource, location, outcome, wholeVnd } from './history-values';
import { checkParticipationRow } from './participations.importer';
import type { ImportRowError } from './rows';

describe('training history cells', () => {
  it('should read categories by key or Vietnamese label, without case, diacritics or commas', () => {
    expect(category('THẠC SĨ')).toEqual({ ok: true, value: 'degree_master' });
    expect(category('trung cap ly luan chinh tri')).toEqual({
      ok: true,
      value: 'political_theory_intermediate',
    });
    expect(category('Bồi dưỡng kỹ năng lãnh đạo quản lý')).toEqual({
      ok: true,
      value: 'leadership_skills',
    });
    expect(category('degree_doctor')).toEqual({ ok: true, value: 'degree_doctor' });
  });

  it('should name the accepted categories when a label is unknown', () => {
    const parsed = category('Khoá học lạ');
    expect(parsed).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
    expect(!parsed.ok && parsed.message).toContain('degree_master (thạc sĩ)');
  });

  it('should read whole VND with or without thousands separators, never a float', () => {
    expect(wholeVnd('45.000.000')).toEqual({ ok: true, value: '45000000' });
    expect(wholeVnd('1,500,000')).toEqual({ ok: true, value: '1500000' });
    expect(wholeVnd('12000000 đ')).toEqual({ ok: true, value: '12000000' });
    expect(wholeVnd(2500000)).toEqual({ ok: true, value: '2500000' });
    expect(wholeVnd('0')).toEqual({ ok: true, value: '0' });
    expect(wholeVnd('-5000')).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(wholeVnd(-1)).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(wholeVnd('1500.5')).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
    expect(wholeVnd(1500.5)).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
    expect(wholeVnd('abc')).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
  });

  it('should read locations, outcomes, sources and counts in both languages', () => {
    expect(location('Nước ngoài')).toEqual({ ok: true, value: true });
    expect(location('trong nuoc')).toEqual({ ok: true, value: false });
    expect(outcome('Hoàn thành')).toEqual({ ok: true, value: true });
    expect(outcome('không hoàn thành')).toEqual({ ok: true, value: false });
    expect(outcome('not_completed')).toEqual({ ok: true, value: false });
    expect(fundingSource('Ngân sách nhà nước')).toEqual({ ok: true, value: 'state_budget' });
    expect(fundingSource('HỌC BỔNG')).toEqual({ ok: true, value: 'scholarship' });
    expect(count('42')).toEqual({ ok: true, value: 42 });
    expect(count(-1)).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(count('4.5')).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
  });
});

describe('training history rows', () => {
  const check = (values: Record<string, unknown>, resolved = {}) => {
    const errors: ImportRowError[] = [];
    checkParticipationRow(2, values, resolved, '2026-01-01', (error) => errors.push(error));
    return errors.map((error) => [error.column, error.code]);
  };

  it('should need a category or a programme, and agree with the programme', () => {
    expect(check({ starts_on: '2015-01-01', ends_on: '2015-02-01' })).toEqual([
      ['category', 'REQUIRED'],
    ]);
    expect(
      check(
        { program_code: 'P', category: 'degree_master' },
        { program: { id: 'p', category: 'degree_doctor' } },
      ),
    ).toEqual([['category', 'INVALID_VALUE']]);
  });

  it('should refuse an end before the start or after today', () => {
    expect(check({ category: 'other', starts_on: '2015-06-01', ends_on: '2015-01-01' })).toEqual([
      ['ends_on', 'END_BEFORE_START'],
    ]);
    expect(check({ category: 'other', starts_on: '2025-06-01', ends_on: '2026-02-01' })).toEqual([
      ['ends_on', 'OUT_OF_RANGE'],
    ]);
  });

  it('should need a source for a cost, and one that agrees with the fund', () => {
    expect(check({ category: 'other', cost: '1000' })).toEqual([['funding_source', 'REQUIRED']]);
    expect(check({ category: 'other', cost: '0' })).toEqual([]);
    expect(
      check(
        { category: 'other', cost: '1000', fund_code: 'F', funding_source: 'sponsor' },
        { fund: { id: 'f', source: 'state_budget' } },
      ),
    ).toEqual([['funding_source', 'INVALID_VALUE']]);
  });

  it('should refuse compliance parts larger than their whole', () => {
    const errors: ImportRowError[] = [];
    checkComplianceRow(
      2,
      { date: '2014-12-31', staff: 10, meeting_standard: 9, university: 11, political_theory: 3 },
      '2026-01-01',
      (error) => errors.push(error),
    );
    expect(errors.map((error) => error.column)).toEqual(['university']);
    const withPositions: ImportRowError[] = [];
    checkComplianceRow(
      2,
      { staff: 10, with_position: 5, meeting_standard: 6, university: 1, political_theory: 1 },
      '2026-01-01',
      (error) => withPositions.push(error),
    );
    expect(withPositions.map((error) => error.column)).toEqual(['meeting_standard']);
  });
});
