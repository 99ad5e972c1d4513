import type { EntityManager } from 'typeorm';

/** A table column fed from a record field, with its Postgres type for `unnest`. */
export interface BulkColumn {
  column: string;
  field: string;
  type: 'uuid' | 'text' | 'date' | 'boolean' | 'smallint' | 'integer' | 'bigint';
}

const CHUNK = 5000;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += CHUNK) {
    result.push(items.slice(index, index + CHUNK));
  }
  return result;
}

const arrays = (columns: BulkColumn[], records: Array<Record<string, unknown>>) =>
  columns.map((column) => records.map((record) => record[column.field] ?? null));

const unnest = (columns: BulkColumn[]) =>
  `unnest(${columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ')})`;

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
       SELECT * FROM ${unnest(columns)}`,
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
  const sets = rest.map((column) => `${column.column} = v.${column.column}`);
  if (extraSet) sets.push(extraSet);
  for (const chunk of chunks(records)) {
    await manager.query(
      `UPDATE ${table} t SET ${sets.join(', ')}
         FROM ${unnest(columns)} AS v(${columns.map((column) => column.column).join(', ')})
        WHERE t.${key.column} = v.${key.column}`,
      arrays(columns, chunk),
    );
  }
}
