import type { EntityManager } from 'typeorm';

/**
 * Runs SQL written with `:name` parameters (`WHERE id = :id`, `= ANY(:ids)`) and answers its
 * rows. Named parameters keep long report queries readable; positional `$1` SQL goes through
 * `manager.query` directly.
 */
export function query<T>(
  manager: EntityManager,
  sql: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  return manager.query(text, values);
}

/**
 * Runs an UPDATE or DELETE … RETURNING and answers the rows it returned. (For these, the
 * Postgres driver answers `[rows, affectedCount]` rather than the rows an INSERT or SELECT
 * gives; this is the one place that knows.)
 */
export async function returning<T>(
  manager: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
