import { randomUUID } from 'node:crypto';
import { BulkColumn } from './bulk';
import {
  codesOf,
  diffRows,
  FieldMapping,
  identity,
  Importer,
  mergeRow,
  Row,
  selectByCodes,
  withoutId,
  writeChanges,
} from './importer';
import { ErrorList } from './rows';

const POSITION_COLUMNS: BulkColumn[] = [
  { column: 'code', field: 'code', type: 'text' },
  { column: 'name', field: 'name', type: 'text' },
  { column: 'is_leadership', field: 'isLeadership', type: 'boolean' },
  { column: 'min_education', field: 'minEducation', type: 'smallint' },
  { column: 'min_political_theory', field: 'minPoliticalTheory', type: 'smallint' },
  { column: 'min_fostering_rank', field: 'minFosteringRank', type: 'smallint' },
  { column: 'min_language_level', field: 'minLanguageLevel', type: 'smallint' },
];

// The file's column keys are the table's column names, and every cell is stored as parsed.
const POSITION_FIELDS: FieldMapping[] = POSITION_COLUMNS.map((column) => [
  column.column,
  column.field,
  identity,
]);

const POSITION_DEFAULTS: Row = {
  isLeadership: false,
  minEducation: null,
  minPoliticalTheory: null,
  minFosteringRank: null,
  minLanguageLevel: null,
};

/** Positions, upserted by code; they reference nothing, so no row can fail here. */
export const importPositions: Importer = async (context) => {
  const { manager, rows } = context;
  const existing = new Map<string, Row & { id: string }>(
    (
      await selectByCodes<Row & { id: string }>(
        manager,
        `SELECT id, code, name, is_leadership AS "isLeadership", min_education AS "minEducation",
                min_political_theory AS "minPoliticalTheory", min_fostering_rank AS "minFosteringRank",
                min_language_level AS "minLanguageLevel"
           FROM positions WHERE code = ANY($1)`,
        await codesOf(rows, 'code'),
      )
    ).map((row) => [row.code as string, row]),
  );
  return {
    errors: new ErrorList(),
    apply: async () => {
      const { changes, unchanged } = await diffRows(rows, (values) => {
        const stored = existing.get(values.code as string);
        const before = stored ? withoutId(stored) : null;
        const after = mergeRow(
          before ?? POSITION_DEFAULTS,
          values,
          POSITION_FIELDS,
          POSITION_DEFAULTS,
        );
        return { id: stored?.id ?? randomUUID(), before, after };
      });
      return writeChanges(
        context,
        { entity: 'position', table: 'positions', columns: POSITION_COLUMNS, hasUpdatedAt: false },
        changes,
        unchanged,
      );
    },
  };
};
