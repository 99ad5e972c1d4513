import { HEADLINE_LINES, CATEGORY_LABELS } from './categories';
import { PROGRAM_CATEGORIES } from '@app/catalog';
import { resolvePeriod } from './training-summary.service';

describe('training period', () => {
  it('defaults each bound to the current calendar year', () => {
    expect(resolvePeriod(undefined, undefined, '2026-11-26')).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(resolvePeriod('2016-01-01', undefined, '2026-11-26')).toEqual({
      from: '2016-01-01',
      to: '2026-12-31',
    });
    expect(resolvePeriod('2020-05-05', '2020-05-05', '2026-11-26')).toEqual({
      from: '2020-05-05',
      to: '2020-05-05',
    });
  });

  it('refuses to before from', () => {
    expect(() => resolvePeriod('2021-01-01', '2020-12-31')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { errors: [expect.objectContaining({ field: 'to', code: 'PERIOD_REVERSED' })] },
      }),
    );
    // A lone `to` before this year's 1 January is reversed too.
    expect(() => resolvePeriod(undefined, '2020-12-31', '2026-11-26')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('categories', () => {
  it('labels every programme category once', () => {
    expect(Object.keys(CATEGORY_LABELS).sort()).toEqual([...PROGRAM_CATEGORIES].sort());
  });

  it('puts every category in exactly one line of each headline group', () => {
    const groups = HEADLINE_LINES.filter((line) => line.parent === null && line.key !== 'total');
    const grouped = groups.flatMap((group) => group.categories);
    expect([...grouped].sort()).toEqual([...PROGRAM_CATEGORIES].sort());
    for (const group of groups) {
      const parts = HEADLINE_LINES.filter((line) => line.parent === group.key && !line.ofWhich);
      expect(parts.flatMap((line) => line.categories).sort()).toEqual([...group.categories].sort());
    }
    const postgraduate = HEADLINE_LINES.find((line) => line.key === 'postgraduate')!;
    expect(postgraduate).toMatchObject({ parent: 'degrees', ofWhich: true });
    expect([...postgraduate.categories].sort()).toEqual(['degree_doctor', 'degree_master']);
  });
});
