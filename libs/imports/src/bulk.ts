import type { EntityManager } from 'typeorm';

/** A table column fed from a record field, with its Postgres type for `unnest`. */
export interface BulkColumn {
  column: string;
  field: string;
  type: 'uuid' | 'text' | 'date' | 'boolean' | 'smallint' | 'int' | 'integer' | 'bigint' | 'text[]';
}

/**
 * `unnest` flattens an array of arrays, so an array column travels as its literal text
 * (`{a,b}`) and is cast back where it is read; its items are codes, never quoted.
 */
const isArray = (column: BulkColumn) => column.type === 'text[]';
const paramType = (column: BulkColumn) => (isArray(column) ? 'text' : column.type);
const read = (column: BulkColumn) =>
  isArray(column) ? `v.${column.column}::text[]` : `v.${column.column}`;
const cell = (column: BulkColumn, value: unknown) =>
  isArray(column) && Array.isArray(value) ? `{${value.join(',')}}` : (value ?? null);

const CHUNK = 5000;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += CHUNK) {
    result.push(items.slice(index, index + CHUNK));
  }
  return result;
}

const arrays = (columns: BulkColumn[], records: Array<Record<string, unknown>>) =>
  columns.map((column) => records.map((record) => cell(column, record[column.field])));

const unnest = (columns: BulkColumn[]) =>
  `unnest(${columns.map((column, index) => `$${index + 1}::${paramType(column)}[]`).join(', ')})
     AS v(${columns.map((column) => column.column).join(', ')})`;

/** One multi-row INSERT per chunk: each column goes in as one array parameter. */
export async function bulkInsert(
  manager: EntityManager,
  table: string,
  columns: BulkColumn[],
  records: Array<Record<string, unknown>>,
): Promise<void> {
  for (const chunk of chunks(records)) {
    await manager.query(
      `INSERT INTO ${table} (${columns.map((column) => column.column).join(', ')})
       SELECT ${columns.map(read).join(', ')} FROM ${unnest(columns)}`,
      arrays(columns, chunk),
    );
  }
}

/** One UPDATE ... FROM unnest(...) per chunk, matched on the first column (the key). */
export async function bulkUpdate(
  manager: EntityManager,
  table: string,
  columns: BulkColumn[],
  records: Array<Record<string, unknown>>,
  extraSet = '',
): Promise<void> {
  const [key, ...rest] = columns;
  const sets = rest.map((column) => `${column.column} = ${read(column)}`);
  if (extraSet) sets.push(extraSet);
  for (const chunk of chunks(records)) {
    await manager.query(
      `UPDATE ${table} t SET ${sets.join(', ')}
         FROM ${unnest(columns)}
        WHERE t.${key.column} = v.${key.column}`,
      arrays(columns, chunk),
    );
  }
}
