import { Clock, WorkContext } from '@app/common';
import type { Actor, Grant } from '@app/access';
import { DataSource } from 'typeorm';
import { ComplianceReportService } from './compliance-report.service';
import { MAX_TREND_POINTS } from './compliance-report.types';
import { complianceRoots, complianceScope } from './compliance-scope';
import { pickDays } from './compliance-trend';

const CITY = { id: 'c', path: '/c/' };
const DISTRICT_A = { id: 'a', path: '/c/a/' };
const COMMUNE_A = { id: 'a1', path: '/c/a/a1/' };
const DISTRICT_B = { id: 'b', path: '/c/b/' };

const grant = (role: Grant['role'], scope: Partial<Grant> = {}): Grant => ({
  role,
  unitId: null,
  unitPath: null,
  authorityId: null,
  ...scope,
});
const actor = (...grants: Grant[]): Actor => ({
  userId: 'u',
  email: 'u@example.org',
  staffId: 's',
  locale: 'vi',
  grants,
});
const over = (unit: { id: string; path: string }) => ({ unitId: unit.id, unitPath: unit.path });
const authorities = new Map([['authority-a', DISTRICT_A]]);

describe('compliance report scope', () => {
  it('should cover everything for an administrator', () => {
    const roots = complianceRoots(actor(grant('admin'), grant('staff')), authorities);
    expect(roots).toBeNull();
    expect(complianceScope(roots)).toEqual({ sql: 'TRUE', params: {} });
  });

  it('should cover the unit subtree of unit-scoped roles, nested ones once', () => {
    const roots = complianceRoots(
      actor(
        grant('unit_head', over(COMMUNE_A)),
        grant('finance', over(DISTRICT_A)),
        grant('board_member', over(DISTRICT_B)),
      ),
      authorities,
    );
    expect(roots).toEqual([DISTRICT_A, DISTRICT_B]);
    expect(complianceScope(roots)).toEqual({
      sql: '(u.path LIKE :complianceScope0 OR u.path LIKE :complianceScope1)',
      params: { complianceScope0: '/c/a/%', complianceScope1: '/c/b/%' },
    });
  });

  it("should cover the authority's unit subtree for authority-scoped board roles", () => {
    expect(
      complianceRoots(actor(grant('board_reviewer', { authorityId: 'authority-a' })), authorities),
    ).toEqual([DISTRICT_A]);
    expect(
      complianceRoots(
        actor(
          grant('board_member', { authorityId: 'authority-a' }),
          grant('unit_head', over(CITY)),
        ),
        authorities,
      ),
    ).toEqual([CITY]);
  });

  it('should cover nothing for staff', () => {
    const roots = complianceRoots(actor(grant('staff')), authorities);
    expect(roots).toEqual([]);
    expect(complianceScope(roots)).toEqual({ sql: 'FALSE', params: {} });
  });
});

describe('trend days', () => {
  const days = ['2024-01-02', '2024-01-07', '2024-01-08', '2024-03-31', '2024-04-01', '2025-02-01'];

  it('should keep every day, or the last of each week, month, quarter or year', () => {
    expect(pickDays(days, 'day')).toEqual(['day', days]);
    // 2024-01-07 is a Sunday; the 8th starts the next ISO week.
    expect(pickDays(days, 'week')).toEqual([
      'week',
      ['2024-01-07', '2024-01-08', '2024-03-31', '2024-04-01', '2025-02-01'],
    ]);
    expect(pickDays(days, 'month')).toEqual([
      'month',
      ['2024-01-08', '2024-03-31', '2024-04-01', '2025-02-01'],
    ]);
    expect(pickDays(days, 'quarter')).toEqual([
      'quarter',
      ['2024-03-31', '2024-04-01', '2025-02-01'],
    ]);
    expect(pickDays(days, 'year')).toEqual(['year', ['2024-04-01', '2025-02-01']]);
    expect(pickDays(days)).toEqual(['day', days]);
  });

  it('should choose the finest period that fits, and refuse one asked for that does not', () => {
    const start = Date.parse('2020-01-01T00:00:00Z');
    const daily = Array.from({ length: 400 }, (_, i) =>
      new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    );
    const [every, picked] = pickDays(daily);
    expect(every).toBe('week');
    expect(picked.length).toBeLessThanOrEqual(MAX_TREND_POINTS);
    expect(() => pickDays(daily, 'day')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { errors: [expect.objectContaining({ field: 'every', code: 'TOO_MANY_POINTS' })] },
      }),
    );
  });
});

describe('compliance report parameters', () => {
  const untouched = {
    manager: {
      query: () => {
        throw new Error('the database was used');
      },
    },
  } as unknown as DataSource;
  const service = new ComplianceReportService();
  const admin = WorkContext.start(actor(grant('admin')), untouched, new Clock());
  const errorOf = (field: string, code: string) =>
    expect.objectContaining({
      code: 'VALIDATION_FAILED',
      details: { errors: [expect.objectContaining({ field, code })] },
    });

  it('should refuse bad dates and ranges before querying', async () => {
    await expect(service.report(admin, { at: '2024-02-30' })).rejects.toEqual(
      errorOf('at', 'IS_DATE'),
    );
    await expect(service.trend(admin, { from: '2024-12-01', to: '2024-01-01' })).rejects.toEqual(
      errorOf('to', 'PERIOD_REVERSED'),
    );
    await expect(service.trend(admin, { from: '2000-01-01', to: '2024-01-01' })).rejects.toEqual(
      errorOf('from', 'RANGE_TOO_LONG'),
    );
    await expect(service.trend(admin, { to: 'soon' })).rejects.toEqual(errorOf('to', 'IS_DATE'));
  });
});
