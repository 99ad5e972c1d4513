import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { BulkColumn } from './bulk';
import {
  Change,
  codesOf,
  FieldMapping,
  identity,
  Importer,
  inSlices,
  mergeRow,
  Row,
  selectByCodes,
  str,
  withoutId,
  writeChanges,
} from './importer';
import { ErrorList, ImportRowError, ParsedRow } from './rows';

/** A column that names another record by its code; the record's id is what is stored. */
export interface CodeReference {
  /** The file column, e.g. `unit_code`. */
  key: string;
  /** The record field that stores the id, e.g. `unitId`. */
  field: string;
  table: string;
  /** What the code names, for the message ("No unit with code X."). */
  what: string;
  /** The row error code, e.g. `UNKNOWN_UNIT`. */
  code: ImportRowError['code'];
}

export type RowProblem = Omit<ImportRowError, 'row'>;

/** One kind of plain record upserted by its `code`, as its importer is configured. */
export interface UpsertSpec {
  /** The audit trail's entity name. */
  entity: string;
  table: string;
  hasUpdatedAt: boolean;
  /** The columns written, `code` first; their fields are the record as audited. */
  columns: BulkColumn[];
  /** The file columns stored as parsed (the others are references, or handled by `derive`). */
  plain: FieldMapping[];
  references: CodeReference[];
  /** What an empty cell sets; other fields become null. */
  emptyDefaults: Row;
  /** Fills fields that depend on other cells, e.g. a level read on the scale another column names. */
  derive?: (values: Row, after: Row) => RowProblem[];
  /** Stored facts the rules need but the import never writes, as `expression AS "field"`. */
  readOnly?: string[];
  /** The rules the record as the file leaves it must meet (and what may not change). */
  check?: (after: Row, before: Row | null, stored: Row | null) => RowProblem[];
}

/** The stored record of each code in the file, in the audit trail's shape. */
async function storedByCode(
  manager: EntityManager,
  spec: UpsertSpec,
  codes: string[],
): Promise<Map<string, Row & { id: string }>> {
  const fields = spec.columns.map((column) => {
    const cast = column.type === 'date' || column.type === 'bigint' ? '::text' : '';
    return `t.${column.column}${cast} AS "${column.field}"`;
  });
  const rows = await selectByCodes<Row & { id: string }>(
    manager,
    `SELECT t.id, ${[...fields, ...(spec.readOnly ?? [])].join(', ')}
       FROM ${spec.table} t WHERE t.code = ANY($1)`,
    codes,
  );
  return new Map(rows.map((row) => [row.code as string, row]));
}

/** The ids of the codes a reference column names, by code. */
export async function referencedIds(
  manager: EntityManager,
  rows: ParsedRow[],
  key: string,
  table: string,
): Promise<Map<string, string>> {
  const found = await selectByCodes<{ id: string; code: string }>(
    manager,
    `SELECT id, code FROM ${table} WHERE code = ANY($1)`,
    await codesOf(rows, key),
  );
  return new Map(found.map((row) => [row.code, row.id]));
}

/**
 * An importer of plain records keyed by code: references must name stored records, the
 * merged record must meet the kind's rules, and only real changes are written, each with
 * its audit row. Every problem is found before anything is written.
 */
export function upsertByCode(spec: UpsertSpec): Importer {
  return async (context) => {
    const { manager, rows } = context;
    const existing = await storedByCode(manager, spec, await codesOf(rows, 'code'));
    const ids = new Map<string, Map<string, string>>();
    for (const reference of spec.references) {
      ids.set(reference.key, await referencedIds(manager, rows, reference.key, reference.table));
    }
    const fields: FieldMapping[] = [
      ...spec.plain,
      ...spec.references.map((reference): FieldMapping => [
        reference.key,
        reference.field,
        (value) => ids.get(reference.key)!.get(value as string),
      ]),
    ];
    const blank: Row = {
      ...Object.fromEntries(spec.columns.map((column) => [column.field, null])),
      ...spec.emptyDefaults,
    };
    const readOnlyFields = (spec.readOnly ?? []).map((sql) => /AS "(\w+)"\s*$/.exec(sql)![1]);
    const errors = new ErrorList(context.maxErrors);
    const changes: Change[] = [];
    let unchanged = 0;
    await inSlices(rows, ({ row, values }) => {
      const problems: RowProblem[] = [];
      for (const reference of spec.references) {
        const code = str(values[reference.key]);
        if (code !== undefined && !ids.get(reference.key)!.has(code)) {
          problems.push({
            column: reference.key,
            code: reference.code,
            message: `No ${reference.what} with code ${code}.`,
          });
        }
      }
      const stored = existing.get(values.code as string);
      const before = stored ? withoutId(stored, ...readOnlyFields) : null;
      const after = mergeRow(before ?? blank, values, fields, spec.emptyDefaults);
      if (!problems.length) {
        problems.push(...(spec.derive?.(values, after) ?? []));
        if (!problems.length) problems.push(...(spec.check?.(after, before, stored ?? null) ?? []));
      }
      if (problems.length) {
        errors.push(...problems.map((problem) => ({ row, ...problem })));
        return;
      }
      if (before && sameRecord(before, after)) unchanged++;
      else changes.push({ id: stored?.id ?? randomUUID(), before, after });
    });
    return {
      errors,
      apply: () =>
        writeChanges(
          context,
          {
            entity: spec.entity,
            table: spec.table,
            columns: spec.columns,
            hasUpdatedAt: spec.hasUpdatedAt,
          },
          changes,
          unchanged,
        ),
    };
  };
}

export function sameRecord(a: Row, b: Row): boolean {
  return Object.keys(b).every(
    (key) => JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null),
  );
}

/** File columns named like their table columns, stored as parsed. */
export const plainFields = (columns: BulkColumn[], ...keys: string[]): FieldMapping[] =>
  keys.map((key) => {
    const column = columns.find((candidate) => candidate.column === key)!;
    return [key, column.field, identity];
  });
