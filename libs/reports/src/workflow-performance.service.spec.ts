import { addWorkingDays, Clock, WorkContext, workingDaysElapsed } from '@app/common';
import type { Actor } from '@app/access';
import type { AppConfig } from '@app/config';
import type { DataSource } from 'typeorm';
import {
  certainlyOverdueDays,
  resolveWorkflowPeriod,
  WorkflowPerformance,
  workflowPerformanceTables,
  WorkflowPerformanceService,
} from './workflow-performance.service';

const DAY_MS = 86_400_000;

describe('resolveWorkflowPeriod', () => {
  it('defaults to the 365 days ending today', () => {
    expect(resolveWorkflowPeriod(undefined, undefined, '2026-03-01')).toEqual({
      from: '2025-03-02',
      to: '2026-03-01',
    });
    expect(resolveWorkflowPeriod(undefined, '2024-12-31', '2026-03-01')).toEqual({
      from: '2024-01-02',
      to: '2024-12-31',
    });
    expect(resolveWorkflowPeriod('2026-01-01', undefined, '2026-03-01')).toEqual({
      from: '2026-01-01',
      to: '2026-03-01',
    });
  });

  it('accepts a single day and refuses to before from', () => {
    expect(resolveWorkflowPeriod('2026-02-28', '2026-02-28')).toEqual({
      from: '2026-02-28',
      to: '2026-02-28',
    });
    expect(() => resolveWorkflowPeriod('2026-03-02', '2026-03-01')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { errors: [expect.objectContaining({ field: 'to', code: 'PERIOD_REVERSED' })] },
      }),
    );
    // A start after today, with the end left out (today), names the start.
    expect(() => resolveWorkflowPeriod('2026-03-02', undefined, '2026-03-01')).toThrow(
      expect.objectContaining({
        details: { errors: [expect.objectContaining({ field: 'from', code: 'PERIOD_REVERSED' })] },
      }),
    );
  });
});

describe('certainlyOverdueDays', () => {
  // Starts every 97 minutes over five weeks: every weekday, weekend and time of day.
  const starts = Array.from(
    { length: (35 * 24 * 60) / 97 },
    (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 97 * 60_000),
  );

  it.each([1, 3, 4, 5, 6, 10, 11])(
    'is enough calendar days for %i working days from any start',
    (days) => {
      for (const start of starts) {
        const deadline = addWorkingDays(start, days);
        expect(deadline.getTime() - start.getTime()).toBeLessThanOrEqual(
          certainlyOverdueDays(days) * DAY_MS,
        );
        const now = new Date(start.getTime() + certainlyOverdueDays(days) * DAY_MS);
        expect(workingDaysElapsed(start, now)).toBeGreaterThanOrEqual(days);
      }
    },
  );

  it.each([1, 3, 5, 11])('needs at least %i calendar days for as many working days', (days) => {
    for (const start of starts) {
      const now = new Date(start.getTime() + days * DAY_MS - 1);
      expect(workingDaysElapsed(start, now)).toBeLessThan(days);
    }
  });
});

const report: WorkflowPerformance = {
  from: '2026-01-01',
  to: '2026-01-31',
  unitId: null,
  stepTimes: [
    {
      position: 2,
      role: 'finance',
      authority: { kind: 'unit', id: 'u1', name: 'Quận ủy Ninh Kiều' },
      count: 3,
      medianHours: 20.5,
      p90Hours: 70.1,
    },
  ],
  overdue: {
    thresholdWorkingDays: 3,
    asOf: '2026-02-01T00:00:00.000Z',
    total: 1,
    byAuthority: [
      {
        authority: { kind: 'management_authority', id: 'a1', name: 'Ban Thường vụ' },
        count: 1,
      },
    ],
    oldest: [
      {
        nominationId: 'n1',
        reference: 'DT-2026-000001',
        nominee: { staffId: 's1', fullName: 'Nguyễn Thị Hạnh' },
        step: { position: 1, role: 'board_reviewer' },
        authority: { kind: 'management_authority', id: 'a1', name: 'Ban Thường vụ' },
        // 01:30 on 20 January in Vietnam.
        waitingSince: '2026-01-19T18:30:00.000Z',
        workingDays: 9,
      },
    ],
  },
  rates: {
    decided: 7,
    approved: 6,
    rejected: 1,
    approvalRate: 85.71,
    rejectionRate: 14.29,
    submissions: 9,
    returns: 2,
    returnRate: 22.22,
  },
};

async function rowsOf(table: { rows: unknown[] | AsyncIterable<unknown> }) {
  const rows: unknown[] = [];
  for await (const row of table.rows) rows.push(row);
  return rows;
}

describe('workflowPerformanceTables', () => {
  it('gives a table per section with Vietnamese headers and labels', async () => {
    const tables = workflowPerformanceTables(report);
    expect(tables.map((table) => table.name)).toEqual([
      'step-times',
      'overdue',
      'oldest-waits',
      'rates',
    ]);
    expect(tables[0].columns.map((column) => column.header)).toEqual([
      'Bước',
      'Vai trò',
      'Cơ quan/đơn vị',
      'Số lượt',
      'Trung vị (giờ)',
      'Phân vị 90 (giờ)',
    ]);
    expect(await rowsOf(tables[0])).toEqual([
      {
        position: 2,
        role: 'Tài chính',
        authority: 'Quận ủy Ninh Kiều',
        count: 3,
        medianHours: 20.5,
        p90Hours: 70.1,
      },
    ]);
    expect(tables[1].columns.map((column) => column.header)).toEqual([
      'Cơ quan/đơn vị',
      'Số hồ sơ chờ quá hạn',
    ]);
    expect(await rowsOf(tables[2])).toEqual([
      expect.objectContaining({
        reference: 'DT-2026-000001',
        role: 'Ban Tổ chức (thẩm định)',
        // The day in Vietnam, not in UTC.
        waitingSince: '2026-01-20',
        workingDays: 9,
      }),
    ]);
    expect(await rowsOf(tables[3])).toEqual([
      expect.objectContaining({ count: 6, of: 7, rate: 85.71 }),
      expect.objectContaining({ count: 1, of: 7, rate: 14.29 }),
      expect.objectContaining({ count: 2, of: 9, rate: 22.22 }),
    ]);
  });
});

describe('WorkflowPerformanceService', () => {
  /** A database that answers every query with nothing and records the SQL. */
  function fakeDatabase(everyone: boolean) {
    const statements: string[] = [];
    const manager = {
      connection: { driver: { escapeQueryWithParameters: (sql: string) => [sql, []] } },
      query: async (sql: string) => {
        statements.push(sql);
        if (sql.includes('AS everyone')) return [{ everyone }];
        if (sql.includes('FROM counted')) {
          return [
            {
              decided: 0,
              approved: 0,
              rejected: 0,
              submissions: 0,
              returns: 0,
              approval_rate: null,
              rejection_rate: null,
              return_rate: null,
            },
          ];
        }
        return [];
      },
    };
    const service = new WorkflowPerformanceService({ REMINDER_WORKING_DAYS: 3 } as AppConfig);
    // The report is measured at this instant.
    const clock = new Clock();
    clock.now = () => new Date('2026-03-01T00:00:00Z');
    const contextOf = (actor: Actor) =>
      WorkContext.start(actor, { manager } as unknown as DataSource, clock);
    return { service, statements, contextOf };
  }

  const actor = (grants: Actor['grants']): Actor => ({
    userId: 'u',
    email: 'u@example.org',
    staffId: null,
    locale: 'vi',
    grants,
  });
  const admin = actor([{ role: 'admin', unitId: null, unitPath: null, authorityId: null }]);
  const unitHead = actor([
    { role: 'unit_head', unitId: 'd', unitPath: '/c/d/', authorityId: null },
  ]);

  it('reads no staff row for a caller who sees everyone', async () => {
    const { service, statements, contextOf } = fakeDatabase(true);
    await service.report(contextOf(admin), {});
    expect(statements.some((sql) => sql.includes('AS everyone'))).toBe(false);
    expect(statements.filter((sql) => /JOIN staff s\b/.test(sql))).toEqual([]);

    // A grant that covers every staff member filters nothing either.
    const covering = fakeDatabase(true);
    await covering.service.report(covering.contextOf(unitHead), {});
    expect(covering.statements.filter((sql) => /JOIN staff s\b/.test(sql))).toEqual([]);
  });

  it('joins the nominee and their unit when the scope leaves someone out', async () => {
    const { service, statements, contextOf } = fakeDatabase(false);
    const result = await service.report(contextOf(unitHead), {});
    const sections = statements.filter((sql) => !sql.includes('AS everyone'));
    expect(sections).toHaveLength(4);
    for (const sql of sections) {
      expect(sql).toMatch(/JOIN staff s ON s\.id = n\.nominee_staff_id/);
      expect(sql).toContain('u.path LIKE :scopePath0');
    }
    expect(result.json).toMatchObject({
      from: '2025-03-02',
      to: '2026-03-01',
      stepTimes: [],
      overdue: { thresholdWorkingDays: 3, total: 0, byAuthority: [], oldest: [] },
      rates: { decided: 0, approvalRate: null, returnRate: null },
    });
  });
});
