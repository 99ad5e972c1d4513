import { TARGET_PATTERN, targetFieldErrors, targetFilterErrors } from './target-filters';
import { periodLabel } from './target-progress.service';

describe('target filters', () => {
  it('accepts the documented shapes', () => {
    expect(targetFilterErrors('participations', {})).toEqual([]);
    expect(
      targetFilterErrors('participations', {
        categories: ['degree_master', 'degree_doctor'],
        overseas: true,
      }),
    ).toEqual([]);
    expect(
      targetFilterErrors('staff_share', {
        population: { leadership: true, maxAge: 39, tierLevels: [1, 2] },
        condition: { minLanguageLevel: 4 },
      }),
    ).toEqual([]);
    expect(
      targetFilterErrors('staff_share', {
        condition: { minEducation: 3, minPoliticalTheory: 3 },
      }),
    ).toEqual([]);
  });

  it('reports every problem with its path', () => {
    expect(
      targetFilterErrors('participations', {
        categories: ['degree_master', 'masters', 'degree_master'],
        overseas: 'no',
        tierLevels: [1],
      }),
    ).toEqual([
      expect.objectContaining({ field: 'filter.categories', code: 'ARRAY_UNIQUE' }),
      expect.objectContaining({ field: 'filter.overseas', code: 'IS_BOOLEAN' }),
      expect.objectContaining({ field: 'filter.tierLevels', code: 'UNKNOWN_FIELD' }),
    ]);
    expect(targetFilterErrors('participations', { categories: ['masters'] })).toEqual([
      expect.objectContaining({ field: 'filter.categories[0]', code: 'IS_IN' }),
    ]);
    expect(
      targetFilterErrors('staff_share', {
        population: { maxAge: 39.5, tierLevels: [], constructor: 1 },
        condition: { minLanguageLevel: 0, minEducation: '3' },
      }),
    ).toEqual([
      expect.objectContaining({ field: 'filter.population.maxAge', code: 'IS_INT' }),
      expect.objectContaining({ field: 'filter.population.tierLevels', code: 'ARRAY_NOT_EMPTY' }),
      expect.objectContaining({ field: 'filter.population.constructor', code: 'UNKNOWN_FIELD' }),
      expect.objectContaining({ field: 'filter.condition.minLanguageLevel', code: 'IS_INT' }),
      expect.objectContaining({ field: 'filter.condition.minEducation', code: 'IS_INT' }),
    ]);
    expect(targetFilterErrors('staff_share', { population: null })).toEqual([
      expect.objectContaining({ field: 'filter.population', code: 'IS_OBJECT' }),
      expect.objectContaining({ field: 'filter.condition', code: 'IS_DEFINED' }),
    ]);
    expect(targetFilterErrors('staff_share', 'all')).toEqual([
      expect.objectContaining({ field: 'filter', code: 'IS_OBJECT' }),
    ]);
  });
});

describe('target values and periods', () => {
  it('takes positive decimals of at most 2 decimals', () => {
    for (const good of ['300', '35', '35.5', '0.01', '1234567890.99']) {
      expect(TARGET_PATTERN.test(good)).toBe(true);
    }
    for (const bad of ['0', '0.00', '-5', '35.555', '1e3', '', ' 1', '12345678901']) {
      expect(TARGET_PATTERN.test(bad)).toBe(false);
    }
  });

  it('reports a reversed period, a share over 100 and a bad filter together', () => {
    const fields = {
      kind: 'staff_share' as const,
      periodFrom: '2020-01-01',
      periodTo: '2016-12-31',
      target: '120',
      filter: {},
    };
    expect(targetFieldErrors(fields)).toEqual([
      expect.objectContaining({ field: 'periodTo', code: 'PERIOD_REVERSED' }),
      expect.objectContaining({ field: 'target', code: 'MAX' }),
      expect.objectContaining({ field: 'filter.condition', code: 'IS_DEFINED' }),
    ]);
    expect(
      targetFieldErrors({ ...fields, kind: 'participations', periodTo: '2020-12-31', target: '0' }),
    ).toEqual([expect.objectContaining({ field: 'target', code: 'IS_POSITIVE_DECIMAL' })]);
    expect(
      targetFieldErrors({
        ...fields,
        kind: 'participations',
        periodTo: '2020-12-31',
        target: '300',
      }),
    ).toEqual([]);
  });

  it('names whole years as a range of years', () => {
    expect(periodLabel('2016-01-01', '2020-12-31')).toBe('2016–2020');
    expect(periodLabel('2030-01-01', '2030-12-31')).toBe('2030');
    expect(periodLabel('2021-07-01', '2025-06-30')).toBe('01/07/2021 – 30/06/2025');
  });
});
