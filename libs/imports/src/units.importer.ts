import { randomUUID } from 'node:crypto';
import { BulkColumn, bulkInsert, bulkUpdate } from './bulk';
import {
  Change,
  Counts,
  diffRows,
  inSlices,
  FieldMapping,
  has,
  ID_COLUMN,
  identity,
  ImportContext,
  Importer,
  mergeRow,
  Row,
  str,
} from './importer';
import { ErrorList, sortErrors } from './rows';
import { resolveUnitPaths, TreeNode } from './unit-tree';

type StoredUnit = Row & { id: string; code: string; path: string };

/** The unit fields an import sets, which are also the ones compared and audited. */
const UNIT_COLUMNS: BulkColumn[] = [
  { column: 'code', field: 'code', type: 'text' },
  { column: 'name', field: 'name', type: 'text' },
  { column: 'tier_id', field: 'tierId', type: 'uuid' },
  { column: 'kind', field: 'kind', type: 'text' },
  { column: 'parent_id', field: 'parentId', type: 'uuid' },
  { column: 'active', field: 'active', type: 'boolean' },
];
const PATH_COLUMN: BulkColumn = { column: 'path', field: 'path', type: 'text' };

const UNIT_DEFAULTS: Row = { parentId: null, active: true };

const pickUnit = (unit: Row): Row =>
  Object.fromEntries(UNIT_COLUMNS.map((column) => [column.field, unit[column.field]]));

/**
 * Units, upserted by code, with their tree: tier codes must name stored tiers, and parent
 * codes must name a unit in the file or stored without making a loop.
 */
export const importUnits: Importer = async (context) => {
  const { manager, rows } = context;
  const tiers = new Map<string, string>(
    (await manager.query(`SELECT id, code FROM tiers`)).map((row: Row) => [row.code, row.id]),
  );
  const stored: StoredUnit[] = await manager.query(
    `SELECT id, code, name, tier_id AS "tierId", kind, parent_id AS "parentId", active, path
       FROM units`,
  );
  const codeOfId = new Map(stored.map((unit) => [unit.id, unit.code]));
  // Rows are visited in file order, so the errors kept are the first ones.
  const errors = new ErrorList(context.maxErrors);

  // The tree after the import: stored units, with the file's units and parents over them.
  const nodes = new Map<string, TreeNode>(
    stored.map((unit) => [
      unit.code,
      {
        id: unit.id,
        code: unit.code,
        parentCode: unit.parentId ? codeOfId.get(unit.parentId as string)! : null,
      },
    ]),
  );
  const rowOfCode = new Map<string, number>();
  await inSlices(rows, ({ row, values }) => {
    const tierCode = str(values.tier_code);
    if (tierCode !== undefined && !tiers.has(tierCode)) {
      errors.push({
        row,
        column: 'tier_code',
        code: 'UNKNOWN_TIER',
        message: `No tier with code ${tierCode}.`,
        params: { value: tierCode },
      });
    }
    const code = str(values.code);
    if (code === undefined || rowOfCode.has(code)) return;
    rowOfCode.set(code, row);
    const current = nodes.get(code);
    let parentCode = current?.parentCode ?? null;
    if (has(values, 'parent_code')) {
      // An invalid parent code was reported already; leave the unit where it is.
      if (values.parent_code === null || typeof values.parent_code === 'string') {
        parentCode = values.parent_code;
      }
    }
    nodes.set(code, { id: current?.id ?? randomUUID(), code, parentCode });
  });
  const tree = resolveUnitPaths(nodes, rowOfCode);
  // The tree's errors come in no row order: with the rows' first ones, the first of both.
  const all = new ErrorList(context.maxErrors);
  for (const error of sortErrors([...errors.listed, ...tree.errors])) all.push(error);
  all.total = errors.total + tree.errors.length;

  return {
    errors: all,
    apply: () => writeUnits(context, { tiers, stored, codeOfId, nodes, paths: tree.paths }),
  };
};

/** Writes the checked units, their moved subtrees, placements and audit rows. */
async function writeUnits(
  context: ImportContext,
  state: {
    tiers: Map<string, string>;
    stored: StoredUnit[];
    codeOfId: Map<string, string>;
    nodes: Map<string, TreeNode>;
    paths: Map<string, string>;
  },
): Promise<Counts> {
  const { manager, rows } = context;
  const { tiers, stored, codeOfId, nodes, paths } = state;
  const byCode = new Map(stored.map((unit) => [unit.code, unit]));
  const fields: FieldMapping[] = [
    ['code', 'code', identity],
    ['name', 'name', identity],
    ['tier_code', 'tierId', (value) => tiers.get(value as string)],
    ['kind', 'kind', identity],
    ['parent_code', 'parentId', (value) => nodes.get(value as string)!.id],
    ['active', 'active', identity],
  ];
  const { changes, unchanged } = await diffRows(rows, (values) => {
    const unit = byCode.get(values.code as string);
    const before = unit ? pickUnit(unit) : null;
    const after = mergeRow(before ?? UNIT_DEFAULTS, values, fields, UNIT_DEFAULTS);
    return { id: nodes.get(values.code as string)!.id, before, after };
  });
  const pathOf = (id: string) => paths.get(codeOfId.get(id) ?? '');
  const created = changes.filter((change) => change.before === null);
  for (const change of created) codeOfId.set(change.id, change.after.code as string);

  // New units first (with their paths), so that moved units may point at them.
  await bulkInsert(
    manager,
    'units',
    [ID_COLUMN, ...UNIT_COLUMNS, PATH_COLUMN],
    created.map((change) => ({ id: change.id, ...change.after, path: pathOf(change.id) })),
  );
  const updated = changes.filter((change) => change.before !== null);
  await bulkUpdate(
    manager,
    'units',
    [ID_COLUMN, ...UNIT_COLUMNS],
    updated.map((change) => ({ id: change.id, ...change.after })),
    'updated_at = now()',
  );
  // A moved unit takes its whole subtree to the new path.
  const moved = stored
    .filter((unit) => paths.get(unit.code) !== unit.path)
    .map((unit) => ({ id: unit.id, path: paths.get(unit.code) }));
  await bulkUpdate(manager, 'units', [ID_COLUMN, PATH_COLUMN], moved);
  await replacePlacements(context, created, updated);
  await context.recordAudit('unit', changes);
  return { created: created.length, updated: updated.length, unchanged };
}

/** A new unit opens a placement; a change of parent or tier closes one and opens one. */
async function replacePlacements(
  { manager, actor }: ImportContext,
  created: Change[],
  updated: Change[],
): Promise<void> {
  const replaced = updated.filter(
    (change) =>
      change.before!.parentId !== change.after.parentId ||
      change.before!.tierId !== change.after.tierId,
  );
  if (replaced.length) {
    await manager.query(
      `UPDATE unit_placements SET valid_to = now() WHERE unit_id = ANY($1) AND valid_to IS NULL`,
      [replaced.map((change) => change.id)],
    );
  }
  await bulkInsert(
    manager,
    'unit_placements',
    [
      { column: 'unit_id', field: 'id', type: 'uuid' },
      { column: 'parent_id', field: 'parentId', type: 'uuid' },
      { column: 'tier_id', field: 'tierId', type: 'uuid' },
      { column: 'changed_by', field: 'changedBy', type: 'uuid' },
    ],
    [...created, ...replaced].map((change) => ({
      id: change.id,
      ...change.after,
      changedBy: actor.userId,
    })),
  );
}
