import { organizationDay } from '@app/common';
import { bulkInsert, BulkColumn } from './bulk';
import { codesOf, diffRows, Importer, inSlices, Row, selectByCodes, str } from './importer';
import { ErrorList, ImportRowError } from './rows';

const SNAPSHOT_COLUMNS: BulkColumn[] = [
  { column: 'taken_on', field: 'date', type: 'date' },
  { column: 'unit_id', field: 'unitId', type: 'uuid' },
  { column: 'tier_id', field: 'tierId', type: 'uuid' },
  { column: 'staff', field: 'staff', type: 'integer' },
  { column: 'with_position', field: 'withPosition', type: 'integer' },
  { column: 'meeting_standard', field: 'meetingStandard', type: 'integer' },
  { column: 'university', field: 'university', type: 'integer' },
  { column: 'political_theory', field: 'politicalTheory', type: 'integer' },
];

/** The rules of one row's figures: no part larger than its whole, no day after today. */
export function checkComplianceRow(
  row: number,
  values: Row,
  today: string,
  push: (error: ImportRowError) => void,
): void {
  const staff = values.staff as number | null | undefined;
  const withPosition = (values.with_position ?? staff) as number | null | undefined;
  const over = (column: string, whole: number | null | undefined, wholeName: string) => {
    const part = values[column] as number | null | undefined;
    if (typeof part === 'number' && typeof whole === 'number' && part > whole) {
      push({
        row,
        column,
        code: 'OUT_OF_RANGE',
        message: `${part} is more than the ${wholeName} (${whole}).`,
      });
    }
  };
  over('with_position', staff, 'staff counted');
  over('meeting_standard', withPosition, 'staff holding a position');
  over('university', staff, 'staff counted');
  over('political_theory', staff, 'staff counted');
  const date = str(values.date);
  if (date && date > today) {
    push({
      row,
      column: 'date',
      code: 'OUT_OF_RANGE',
      message: `${date} is after today: only past figures are imported.`,
    });
  }
}

const withoutSource = ({ source: _source, ...row }: Row & { source: string }): Row => row;

/**
 * Past compliance figures per unit and day, stored as compliance snapshot rows marked
 * `imported`, so the trend reaches back before the product. Upserted by (day, unit); a day
 * and unit the daily job already counted is refused (the counted figures stay).
 */
export const importCompliance: Importer = async (context) => {
  const { manager, rows } = context;
  const units = new Map<string, Row & { id: string; tierId: string }>(
    (
      await selectByCodes<Row & { id: string; tierId: string }>(
        manager,
        `SELECT id, code, tier_id AS "tierId" FROM units WHERE code = ANY($1)`,
        await codesOf(rows, 'unit_code'),
      )
    ).map((row) => [row.code as string, row]),
  );
  const stored = new Map<string, Row & { source: string }>(
    (
      await selectByCodes<Row & { source: string }>(
        manager,
        `SELECT c.taken_on::text AS date, c.unit_id AS "unitId", c.tier_id AS "tierId", c.staff,
                c.with_position AS "withPosition", c.meeting_standard AS "meetingStandard",
                c.university, c.political_theory AS "politicalTheory", c.source
           FROM compliance_snapshots c JOIN units u ON u.id = c.unit_id
          WHERE u.code = ANY($1)`,
        await codesOf(rows, 'unit_code'),
      )
    ).map((row) => [`${String(row.date)}|${String(row.unitId)}`, row]),
  );

  const today = organizationDay(new Date());
  const errors = new ErrorList(context.maxErrors);
  const firstRowOfKey = new Map<string, number>();
  await inSlices(rows, ({ row, values }) => {
    const unitCode = str(values.unit_code);
    const unit = unitCode === undefined ? undefined : units.get(unitCode);
    if (unitCode !== undefined && !unit) {
      errors.push({
        row,
        column: 'unit_code',
        code: 'UNKNOWN_UNIT',
        message: `No unit with code ${unitCode}.`,
      });
    }
    checkComplianceRow(row, values, today, (error) => errors.push(error));
    const date = str(values.date);
    if (!unit || !date) return;
    const key = `${date}|${unit.id}`;
    const first = firstRowOfKey.get(key);
    if (first !== undefined) {
      errors.push({
        row,
        column: 'date',
        code: 'DUPLICATE_ROW',
        message: `Row ${first} already gives the figures of unit ${unitCode} on ${date}.`,
      });
    } else firstRowOfKey.set(key, row);
    if (stored.get(key)?.source === 'computed') {
      errors.push({
        row,
        column: 'date',
        code: 'SNAPSHOT_TAKEN',
        message: `The figures of unit ${unitCode} on ${date} were counted by the product; they are kept.`,
      });
    }
  });

  return {
    errors,
    apply: async () => {
      const { changes, unchanged } = await diffRows(rows, (values) => {
        const unit = units.get(values.unit_code as string)!;
        const key = `${String(values.date)}|${unit.id}`;
        const found = stored.get(key);
        const before: Row | null = found ? withoutSource(found) : null;
        const staff = values.staff as number;
        const after: Row = {
          date: values.date,
          unitId: unit.id,
          tierId: before?.tierId ?? unit.tierId,
          staff,
          withPosition: (values.with_position as number | null | undefined) ?? staff,
          meetingStandard: values.meeting_standard,
          university: values.university,
          politicalTheory: values.political_theory,
        };
        return { id: key, before, after };
      });
      const creates = changes.filter((change) => change.before === null);
      const updates = changes.filter((change) => change.before !== null);
      await bulkInsert(
        manager,
        'compliance_snapshots',
        [...SNAPSHOT_COLUMNS, { column: 'source', field: 'source', type: 'text' }],
        creates.map((change) => ({ ...change.after, source: 'imported' })),
      );
      // Matched on the day and the unit (the table's key).
      if (updates.length) {
        const columns = SNAPSHOT_COLUMNS;
        await manager.query(
          `UPDATE compliance_snapshots c
              SET ${columns
                .slice(2)
                .map((column) => `${column.column} = v.${column.column}`)
                .join(', ')}
             FROM unnest(${columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ')})
                  AS v(${columns.map((column) => column.column).join(', ')})
            WHERE c.taken_on = v.taken_on AND c.unit_id = v.unit_id`,
          columns.map((column) => updates.map((change) => change.after[column.field] ?? null)),
        );
      }
      await context.recordAudit('compliance_snapshot', changes);
      return { created: creates.length, updated: updates.length, unchanged };
    },
  };
};
