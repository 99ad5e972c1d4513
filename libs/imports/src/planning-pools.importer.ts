import { randomUUID } from 'node:crypto';
import { BulkColumn, bulkInsert, bulkUpdate } from './bulk';
import { Change, codesOf, Importer, inSlices, Row, selectByCodes, str } from './importer';
import { ErrorList, ImportRowError } from './rows';
import { referencedIds } from './upsert-by-code';

interface Entry {
  id: string;
  staffId: string;
  positionId: string;
  periodFrom: number;
  periodTo: number;
}

const ENTRY_COLUMNS: BulkColumn[] = [
  { column: 'id', field: 'id', type: 'uuid' },
  { column: 'staff_id', field: 'staffId', type: 'uuid' },
  { column: 'position_id', field: 'positionId', type: 'uuid' },
  { column: 'period_from', field: 'periodFrom', type: 'smallint' },
  { column: 'period_to', field: 'periodTo', type: 'smallint' },
];

/** An entry's identity: one person, one position, from one year. */
const keyOf = (entry: Pick<Entry, 'staffId' | 'positionId' | 'periodFrom'>) =>
  `${entry.staffId}/${entry.positionId}/${entry.periodFrom}`;

/** A person's pool as the staff screen audits it: entries in period then position order. */
const poolView = (entries: Entry[]) => ({
  planningPool: entries
    .map(({ positionId, periodFrom, periodTo }) => ({ positionId, periodFrom, periodTo }))
    .sort((a, b) => a.periodFrom - b.periodFrom || a.positionId.localeCompare(b.positionId)),
});

/** The period a row gives, in one cell (`period`) or two (`period_from`, `period_to`). */
function periodOf(values: Row): { from: number; to: number } | Array<Omit<ImportRowError, 'row'>> {
  const whole = values.period as { from: number; to: number } | null | undefined;
  if (whole) return whole;
  const from = values.period_from as number | null | undefined;
  const to = values.period_to as number | null | undefined;
  if (typeof from === 'number' && typeof to === 'number') return { from, to };
  return [
    {
      column: typeof from === 'number' ? 'period_to' : 'period_from',
      code: 'REQUIRED',
      message: 'The period is required: period (e.g. 2025-2030), or period_from and period_to.',
    },
  ];
}

/**
 * Planning pool entries (quy hoạch), upserted by person, position and first year: a new
 * one is added, a known one gets the file's last year. Entries the file does not name are
 * kept. Each person whose pool changes gets one audit row (`staff`, with the whole pool
 * before and after), as when the pool is edited on the staff screen.
 */
export const importPlanningPools: Importer = async (context) => {
  const { manager, rows } = context;
  const staff = await referencedIds(manager, rows, 'staff_code', 'staff');
  const positions = await referencedIds(manager, rows, 'position_code', 'positions');
  const stored = await selectByCodes<Entry & { staffCode: string }>(
    manager,
    `SELECT e.id, e.staff_id AS "staffId", e.position_id AS "positionId",
            e.period_from AS "periodFrom", e.period_to AS "periodTo"
       FROM planning_pool_entries e JOIN staff s ON s.id = e.staff_id
      WHERE s.code = ANY($1)`,
    await codesOf(rows, 'staff_code'),
  );
  const byKey = new Map(stored.map((entry) => [keyOf(entry), entry]));

  const errors = new ErrorList(context.maxErrors);
  const firstRow = new Map<string, number>();
  const creates: Entry[] = [];
  const updates: Entry[] = [];
  let unchanged = 0;
  await inSlices(rows, ({ row, values }) => {
    const problems: Array<Omit<ImportRowError, 'row'>> = [];
    const staffCode = str(values.staff_code);
    const positionCode = str(values.position_code);
    const staffId = staffCode === undefined ? undefined : staff.get(staffCode);
    const positionId = positionCode === undefined ? undefined : positions.get(positionCode);
    if (staffCode !== undefined && !staffId) {
      problems.push({
        column: 'staff_code',
        code: 'UNKNOWN_STAFF',
        message: `No staff member with code ${staffCode}.`,
      });
    }
    if (positionCode !== undefined && !positionId) {
      problems.push({
        column: 'position_code',
        code: 'UNKNOWN_POSITION',
        message: `No position with code ${positionCode}.`,
      });
    }
    const period = periodOf(values);
    if (Array.isArray(period)) problems.push(...period);
    else if (period.to < period.from) {
      problems.push({
        column: values.period ? 'period' : 'period_to',
        code: 'PERIOD_ORDER',
        message: `The period ends (${period.to}) before it starts (${period.from}).`,
      });
    }
    if (problems.length || !staffId || !positionId || Array.isArray(period)) {
      errors.push(...problems.map((problem) => ({ row, ...problem })));
      return;
    }
    const entry = { staffId, positionId, periodFrom: period.from, periodTo: period.to };
    const key = keyOf(entry);
    if (firstRow.has(key)) {
      errors.push({
        row,
        column: 'position_code',
        code: 'DUPLICATE_ENTRY',
        message: `${staffCode} is planned for ${positionCode} from ${period.from} on row ${firstRow.get(key)} too.`,
      });
      return;
    }
    firstRow.set(key, row);
    const known = byKey.get(key);
    if (!known) creates.push({ id: randomUUID(), ...entry });
    else if (known.periodTo === entry.periodTo) unchanged++;
    else updates.push({ ...known, periodTo: entry.periodTo });
  });

  return {
    errors,
    apply: async () => {
      await bulkInsert(manager, 'planning_pool_entries', ENTRY_COLUMNS, creates as never);
      await bulkUpdate(
        manager,
        'planning_pool_entries',
        [ENTRY_COLUMNS[0], ENTRY_COLUMNS[4]],
        updates as never,
      );
      // One audit row per person: the pool before and after.
      const updated = new Map(updates.map((entry) => [entry.id, entry]));
      const pools = new Map<string, { before: Entry[]; after: Entry[] }>();
      for (const entry of [...creates, ...updates]) {
        pools.set(entry.staffId, { before: [], after: [] });
      }
      for (const entry of stored) {
        const pool = pools.get(entry.staffId);
        pool?.before.push(entry);
        pool?.after.push(updated.get(entry.id) ?? entry);
      }
      for (const entry of creates) pools.get(entry.staffId)!.after.push(entry);
      const changes: Change[] = [...pools].map(([staffId, pool]) => ({
        id: staffId,
        before: poolView(pool.before),
        after: poolView(pool.after),
      }));
      await context.recordAudit('staff', changes);
      return { created: creates.length, updated: updates.length, unchanged };
    },
  };
};
