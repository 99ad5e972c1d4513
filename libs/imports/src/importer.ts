import type { Actor } from '@app/access';
import type { EntityManager } from 'typeorm';
import { BulkColumn, bulkInsert, bulkUpdate } from './bulk';
import type { ErrorList, ParsedRow } from './rows';

/** A record keyed by entity field, as stored, as audited and as written. */
export type Row = Record<string, unknown>;

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A record to write; `before` is null for a new one. */
export interface Change {
  id: string;
  before: Row | null;
  after: Row;
}

/** A file column, the record field it sets, and how a non-empty cell becomes that field. */
export type FieldMapping = [string, string, (value: unknown) => unknown];

/** What one record kind's importer gets from the import that runs it. */
export interface ImportContext {
  manager: EntityManager;
  rows: ParsedRow[];
  actor: Actor;
  /** Row errors an answer lists; an importer keeps only its first ones, and counts the rest. */
  maxErrors: number;
  /** One audit row per change, in the transaction and audit context of the import. */
  recordAudit(entity: string, changes: Change[]): Promise<void>;
  /** Queues invitation emails to these new users, in the import's transaction. */
  invite(userIds: string[]): Promise<void>;
}

/**
 * An importer's checked rows: the errors come back before anything is written, so that the
 * import can report them together with the file's own and write nothing.
 */
export interface ImportPlan {
  /** The importer's first errors in file order, and how many it found in all. */
  errors: ErrorList;
  apply(): Promise<Counts>;
}

export type Importer = (context: ImportContext) => Promise<ImportPlan>;

export const ID_COLUMN: BulkColumn = { column: 'id', field: 'id', type: 'uuid' };

export const identity = (value: unknown) => value;
export const has = (values: Row, key: string) => key in values;
export const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The distinct codes the file names in one column, gathered in slices. */
export async function codesOf(rows: ParsedRow[], key: string): Promise<string[]> {
  const codes = new Set<string>();
  await inSlices(rows, (row) => {
    const code = str(row.values[key]);
    if (code !== undefined) codes.add(code);
  });
  return [...codes];
}

/** Codes sent in one query: a bigger array parameter is serialized for too long at a time. */
const CODES_PER_QUERY = 2000;

/**
 * The stored records a query finds for `codes`, asked `CODES_PER_QUERY` codes at a time
 * (`$1` is the array of codes): tens of thousands of codes in one parameter would hold up
 * other requests while the driver encodes them.
 */
export async function selectByCodes<T>(
  manager: EntityManager,
  sql: string,
  codes: string[],
): Promise<T[]> {
  const found: T[] = [];
  for (let start = 0; start < codes.length; start += CODES_PER_QUERY) {
    const rows: T[] = await manager.query(sql, [codes.slice(start, start + CODES_PER_QUERY)]);
    for (const row of rows) found.push(row);
  }
  return found;
}

const same = (a: Row, b: Row) =>
  Object.keys(b).every((key) => JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null));

export function withoutId(row: Row, ...more: string[]): Row {
  const copy = { ...row };
  delete copy.id;
  for (const key of more) delete copy[key];
  return copy;
}

/**
 * Merges a row into the stored record (or the defaults): columns the file lacks keep
 * their stored value, empty cells take the default.
 */
export function mergeRow(base: Row, values: Row, fields: FieldMapping[], defaults: Row): Row {
  const result = { ...base };
  for (const [key, field, convert] of fields) {
    if (!has(values, key)) continue;
    const value = values[key];
    result[field] = value === null ? (defaults[field] ?? null) : convert(value);
  }
  return result;
}

/** Rows visited between two turns of the event loop. */
const SLICE = 1000;

/**
 * Visits every item, letting other requests run between slices: a file may have tens of
 * thousands of rows, and a health check must not wait for all of them.
 */
export async function inSlices<T>(items: T[], visit: (item: T) => void): Promise<void> {
  for (let start = 0; start < items.length; start += SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const item of items.slice(start, start + SLICE)) visit(item);
  }
}

/**
 * Compares each file row with its stored record and keeps only real changes, so that
 * importing the same file twice changes nothing the second time.
 */
export async function diffRows(
  rows: ParsedRow[],
  compare: (values: Row) => Change,
): Promise<{ changes: Change[]; unchanged: number }> {
  let unchanged = 0;
  const changes: Change[] = [];
  await inSlices(rows, ({ values }) => {
    const change = compare(values);
    if (change.before && same(change.before, change.after)) unchanged++;
    else changes.push(change);
  });
  return { changes, unchanged };
}

/** Writes creates and updates of a plain table with their audit rows; returns the counts. */
export async function writeChanges(
  context: ImportContext,
  spec: { entity: string; table: string; columns: BulkColumn[]; hasUpdatedAt: boolean },
  changes: Change[],
  unchanged: number,
): Promise<Counts> {
  const creates = changes.filter((change) => change.before === null);
  const updates = changes.filter((change) => change.before !== null);
  const withId = (change: Change) => ({ id: change.id, ...change.after });
  const columns = [ID_COLUMN, ...spec.columns];
  await bulkInsert(context.manager, spec.table, columns, creates.map(withId));
  await bulkUpdate(
    context.manager,
    spec.table,
    columns,
    updates.map(withId),
    spec.hasUpdatedAt ? 'updated_at = now()' : '',
  );
  await context.recordAudit(spec.entity, changes);
  return { created: creates.length, updated: updates.length, unchanged };
}
