import { randomUUID } from 'node:crypto';
import { Actor, forbidden, hasRole, isAdmin, unitInScope } from '@app/access';
import { AuditContext, AuditService } from '@app/audit';
import { DomainError, FieldError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { toSearchName } from '../search-name';
import { BulkColumn, bulkInsert, bulkUpdate } from './bulk';
import { IMPORT_COLUMNS, ImportKind } from './columns';
import { ImportRowError, ParsedFile, ParsedRow, parseRows, sortErrors } from './rows';
import { readTable } from './table';
import { resolveUnitPaths, TreeNode } from './unit-tree';

export interface ImportFile {
  buffer: Buffer;
  filename?: string;
}

export interface ImportOptions {
  actor: Actor;
  audit: AuditContext;
  /** Validate and count, then roll back. */
  dryRun: boolean;
}

export interface ImportResult {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  /** Data rows read (blank rows are skipped). */
  rows: number;
}

type Row = Record<string, unknown>;

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

interface Context {
  manager: EntityManager;
  file: ParsedFile;
  options: ImportOptions;
}

const EDITOR_ROLES = ['unit_head', 'board_reviewer'] as const;

export function importInvalid(errors: ImportRowError[]): DomainError {
  const rows = new Set(errors.map((error) => error.row)).size;
  return new DomainError(
    'IMPORT_INVALID',
    'unprocessable',
    `The file has ${errors.length} problem(s) on ${rows} row(s); nothing was imported.`,
    { errors: errors as unknown as FieldError[] },
  );
}

const same = (a: Row, b: Row) =>
  Object.keys(b).every((key) => JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null));

const has = (values: Row, key: string) => key in values;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const codesOf = (rows: ParsedRow[], key: string) => [
  ...new Set(rows.map((row) => str(row.values[key])).filter((code) => code !== undefined)),
];

/**
 * Imports units, positions or staff from a CSV or XLSX file: all rows or none, upserted by
 * code, in one transaction with their audit rows. Rows equal to the stored record are left
 * alone, so importing the same file twice changes nothing the second time.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Whether the caller may import this kind at all (row scope is checked per row). */
  authorize(kind: ImportKind, actor: Actor): void {
    if (isAdmin(actor)) return;
    if (kind === 'staff' && hasRole(actor, ...EDITOR_ROLES)) return;
    throw forbidden(
      kind === 'staff'
        ? 'Only admins, unit heads and board reviewers may import staff.'
        : `Only admins may import ${kind}.`,
    );
  }

  async import(kind: ImportKind, input: ImportFile, options: ImportOptions): Promise<ImportResult> {
    this.authorize(kind, options.actor);
    const file = parseRows(IMPORT_COLUMNS[kind], await readTable(input.buffer, input.filename));
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // One import of a kind at a time: the upsert reads, then writes.
      await runner.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`import:${kind}`]);
      const context: Context = { manager: runner.manager, file, options };
      const counts =
        kind === 'units'
          ? await this.importUnits(context)
          : kind === 'positions'
            ? await this.importPositions(context)
            : await this.importStaff(context);
      if (options.dryRun) await runner.rollbackTransaction();
      else await runner.commitTransaction();
      return { dryRun: options.dryRun, ...counts, rows: file.rows.length };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private failOn(context: Context, errors: ImportRowError[]): void {
    const all = sortErrors([...context.file.errors, ...errors]);
    if (all.length) throw importInvalid(all);
  }

  /** Writes creates and updates with their audit rows; returns the counts. */
  private async write(
    context: Context,
    spec: { entity: string; table: string; columns: BulkColumn[] },
    changes: Array<{ id: string; before: Row | null; after: Row }>,
    unchanged: number,
  ): Promise<Counts> {
    const creates = changes.filter((change) => change.before === null);
    const updates = changes.filter((change) => change.before !== null);
    const withId = (change: { id: string; after: Row }) => ({ id: change.id, ...change.after });
    const idColumn: BulkColumn = { column: 'id', field: 'id', type: 'uuid' };
    await bulkInsert(context.manager, spec.table, [idColumn, ...spec.columns], creates.map(withId));
    await bulkUpdate(
      context.manager,
      spec.table,
      [idColumn, ...spec.columns],
      updates.map(withId),
      spec.table === 'positions' ? '' : 'updated_at = now()',
    );
    for (const change of changes) {
      await this.audit.record(context.manager, context.options.audit, {
        entity: spec.entity,
        entityId: change.id,
        before: change.before,
        after: change.after,
      });
    }
    return { created: creates.length, updated: updates.length, unchanged };
  }

  /**
   * Merges a row into the stored record (or the defaults): columns the file lacks keep
   * their stored value, empty cells take the default.
   */
  private merge(
    base: Row,
    values: Row,
    fields: Array<[string, string, (value: unknown) => unknown]>,
    defaults: Row,
  ): Row {
    const result = { ...base };
    for (const [key, field, convert] of fields) {
      if (!has(values, key)) continue;
      const value = values[key];
      result[field] = value === null ? (defaults[field] ?? null) : convert(value);
    }
    return result;
  }

  private async importPositions(context: Context): Promise<Counts> {
    const { manager, file } = context;
    const existing = new Map<string, Row & { id: string }>(
      (
        await manager.query(
          `SELECT id, code, name, is_leadership AS "isLeadership", min_education AS "minEducation",
                  min_political_theory AS "minPoliticalTheory", min_fostering_rank AS "minFosteringRank",
                  min_language_level AS "minLanguageLevel"
             FROM positions WHERE code = ANY($1)`,
          [codesOf(file.rows, 'code')],
        )
      ).map((row: Row & { id: string }) => [row.code as string, row]),
    );
    this.failOn(context, []);
    const identity = (value: unknown) => value;
    const fields: Array<[string, string, (value: unknown) => unknown]> = [
      ['code', 'code', identity],
      ['name', 'name', identity],
      ['is_leadership', 'isLeadership', identity],
      ['min_education', 'minEducation', identity],
      ['min_political_theory', 'minPoliticalTheory', identity],
      ['min_fostering_rank', 'minFosteringRank', identity],
      ['min_language_level', 'minLanguageLevel', identity],
    ];
    const defaults: Row = {
      isLeadership: false,
      minEducation: null,
      minPoliticalTheory: null,
      minFosteringRank: null,
      minLanguageLevel: null,
    };
    let unchanged = 0;
    const changes: Array<{ id: string; before: Row | null; after: Row }> = [];
    for (const { values } of file.rows) {
      const stored = existing.get(values.code as string);
      const before = stored ? withoutId(stored) : null;
      const after = this.merge(before ?? defaults, values, fields, defaults);
      if (before && same(before, after)) unchanged++;
      else changes.push({ id: stored?.id ?? randomUUID(), before, after });
    }
    return this.write(
      context,
      {
        entity: 'position',
        table: 'positions',
        columns: [
          { column: 'code', field: 'code', type: 'text' },
          { column: 'name', field: 'name', type: 'text' },
          { column: 'is_leadership', field: 'isLeadership', type: 'boolean' },
          { column: 'min_education', field: 'minEducation', type: 'smallint' },
          { column: 'min_political_theory', field: 'minPoliticalTheory', type: 'smallint' },
          { column: 'min_fostering_rank', field: 'minFosteringRank', type: 'smallint' },
          { column: 'min_language_level', field: 'minLanguageLevel', type: 'smallint' },
        ],
      },
      changes,
      unchanged,
    );
  }

  private async importUnits(context: Context): Promise<Counts> {
    const { manager, file } = context;
    const tiers = new Map<string, string>(
      (await manager.query(`SELECT id, code FROM tiers`)).map((row: Row) => [row.code, row.id]),
    );
    const stored: Array<Row & { id: string; code: string; path: string }> = await manager.query(
      `SELECT id, code, name, tier_id AS "tierId", kind, parent_id AS "parentId", active, path
         FROM units`,
    );
    const byCode = new Map(stored.map((unit) => [unit.code, unit]));
    const codeOfId = new Map(stored.map((unit) => [unit.id, unit.code]));
    const errors: ImportRowError[] = [];

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
    for (const { row, values } of file.rows) {
      const tierCode = str(values.tier_code);
      if (tierCode !== undefined && !tiers.has(tierCode)) {
        errors.push({
          row,
          column: 'tier_code',
          code: 'UNKNOWN_TIER',
          message: `No tier with code ${tierCode}.`,
        });
      }
      const code = str(values.code);
      if (code === undefined || rowOfCode.has(code)) continue;
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
    }
    const tree = resolveUnitPaths(nodes, rowOfCode);
    this.failOn(context, [...errors, ...tree.errors]);

    const fields: Array<[string, string, (value: unknown) => unknown]> = [
      ['code', 'code', (value) => value],
      ['name', 'name', (value) => value],
      ['tier_code', 'tierId', (value) => tiers.get(value as string)],
      ['kind', 'kind', (value) => value],
      ['parent_code', 'parentId', (value) => nodes.get(value as string)!.id],
      ['active', 'active', (value) => value],
    ];
    const defaults: Row = { parentId: null, active: true };
    let unchanged = 0;
    const changes: Array<{ id: string; before: Row | null; after: Row }> = [];
    for (const { values } of file.rows) {
      const unit = byCode.get(values.code as string);
      const before = unit ? pickUnit(unit) : null;
      const after = this.merge(before ?? defaults, values, fields, defaults);
      if (before && same(before, after)) unchanged++;
      else changes.push({ id: nodes.get(values.code as string)!.id, before, after });
    }
    const pathOf = (id: string) => tree.paths.get(codeOfId.get(id) ?? '');
    const created = changes.filter((change) => change.before === null);
    for (const change of created) codeOfId.set(change.id, change.after.code as string);

    // New units first (with their paths), so that moved units may point at them.
    await bulkInsert(
      manager,
      'units',
      [
        { column: 'id', field: 'id', type: 'uuid' },
        { column: 'code', field: 'code', type: 'text' },
        { column: 'name', field: 'name', type: 'text' },
        { column: 'tier_id', field: 'tierId', type: 'uuid' },
        { column: 'kind', field: 'kind', type: 'text' },
        { column: 'parent_id', field: 'parentId', type: 'uuid' },
        { column: 'path', field: 'path', type: 'text' },
        { column: 'active', field: 'active', type: 'boolean' },
      ],
      created.map((change) => ({ id: change.id, ...change.after, path: pathOf(change.id) })),
    );
    const updated = changes.filter((change) => change.before !== null);
    await bulkUpdate(
      manager,
      'units',
      [
        { column: 'id', field: 'id', type: 'uuid' },
        { column: 'code', field: 'code', type: 'text' },
        { column: 'name', field: 'name', type: 'text' },
        { column: 'tier_id', field: 'tierId', type: 'uuid' },
        { column: 'kind', field: 'kind', type: 'text' },
        { column: 'parent_id', field: 'parentId', type: 'uuid' },
        { column: 'active', field: 'active', type: 'boolean' },
      ],
      updated.map((change) => ({ id: change.id, ...change.after })),
      'updated_at = now()',
    );
    // A moved unit takes its whole subtree to the new path.
    const moved = stored
      .filter((unit) => tree.paths.get(unit.code) !== unit.path)
      .map((unit) => ({ id: unit.id, path: tree.paths.get(unit.code) }));
    await bulkUpdate(
      manager,
      'units',
      [
        { column: 'id', field: 'id', type: 'uuid' },
        { column: 'path', field: 'path', type: 'text' },
      ],
      moved,
    );
    // Placements: a new unit opens one; a change of parent or tier closes one and opens one.
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
        changedBy: context.options.actor.userId,
      })),
    );
    for (const change of changes) {
      await this.audit.record(manager, context.options.audit, {
        entity: 'unit',
        entityId: change.id,
        before: change.before,
        after: change.after,
      });
    }
    return { created: created.length, updated: updated.length, unchanged };
  }

  private async importStaff(context: Context): Promise<Counts> {
    const { manager, file, options } = context;
    const lookup = async (table: string, key: string, extra = '') =>
      new Map<string, Row & { id: string }>(
        (
          await manager.query(`SELECT id, code${extra} FROM ${table} WHERE code = ANY($1)`, [
            codesOf(file.rows, key),
          ])
        ).map((row: Row & { id: string }) => [row.code, row]),
      );
    const units = await lookup('units', 'unit_code', ', path');
    const positions = await lookup('positions', 'position_code');
    const authorities = await lookup('management_authorities', 'authority_code');
    const existing = new Map<string, Row & { id: string; unitPath: string }>(
      (
        await manager.query(
          `SELECT s.id, ${STAFF_FIELDS}, u.path AS "unitPath"
             FROM staff s JOIN units u ON u.id = s.unit_id
            WHERE s.code = ANY($1)`,
          [codesOf(file.rows, 'code')],
        )
      ).map((row: Row & { id: string; unitPath: string }) => [row.code as string, row]),
    );

    const admin = isAdmin(options.actor);
    const inScope = (unitPath: string, authorityId: unknown) =>
      unitInScope(options.actor, unitPath, [...EDITOR_ROLES]) ||
      options.actor.grants.some(
        (grant) =>
          grant.role === 'board_reviewer' &&
          grant.authorityId !== null &&
          grant.authorityId === authorityId,
      );
    const errors: ImportRowError[] = [];
    const unknown = (row: number, column: string, what: string, code: string, value: string) =>
      errors.push({ row, column, code, message: `No ${what} with code ${value}.` });
    for (const { row, values } of file.rows) {
      const unitCode = str(values.unit_code);
      const positionCode = str(values.position_code);
      const authorityCode = str(values.authority_code);
      const unit = unitCode === undefined ? undefined : units.get(unitCode);
      const authority = authorityCode === undefined ? undefined : authorities.get(authorityCode);
      if (unitCode !== undefined && !unit)
        unknown(row, 'unit_code', 'unit', 'UNKNOWN_UNIT', unitCode);
      if (positionCode !== undefined && !positions.has(positionCode)) {
        unknown(row, 'position_code', 'position', 'UNKNOWN_POSITION', positionCode);
      }
      if (authorityCode !== undefined && !authority) {
        unknown(row, 'authority_code', 'management authority', 'UNKNOWN_AUTHORITY', authorityCode);
      }
      if (admin) continue;
      const stored = existing.get(values.code as string);
      if (stored && !inScope(stored.unitPath, stored.authorityId)) {
        errors.push({
          row,
          column: 'code',
          code: 'OUT_OF_SCOPE',
          message: `Staff ${String(values.code)} is outside your scope.`,
        });
      }
      const authorityId = authority?.id ?? stored?.authorityId;
      if (unit && !inScope(unit.path as string, authorityId)) {
        errors.push({
          row,
          column: 'unit_code',
          code: 'OUT_OF_SCOPE',
          message: `Unit ${unitCode} is outside your scope.`,
        });
      }
    }
    this.failOn(context, errors);

    const identity = (value: unknown) => value;
    const fields: Array<[string, string, (value: unknown) => unknown]> = [
      ['code', 'code', identity],
      ['full_name', 'fullName', identity],
      ['birth_date', 'birthDate', identity],
      ['gender', 'gender', identity],
      ['ethnic_minority', 'ethnicMinority', identity],
      ['unit_code', 'unitId', (value) => units.get(value as string)!.id],
      ['position_code', 'positionId', (value) => positions.get(value as string)!.id],
      ['civil_service_rank', 'civilServiceRank', identity],
      ['education_level', 'educationLevel', identity],
      ['education_field', 'educationField', identity],
      ['political_theory', 'politicalTheory', identity],
      ['fostering_rank', 'fosteringRank', identity],
      ['language_level', 'languageLevel', identity],
      ['joined_service_on', 'joinedServiceOn', identity],
      ['authority_code', 'authorityId', (value) => authorities.get(value as string)!.id],
      ['employment_status', 'employmentStatus', identity],
    ];
    const defaults: Row = { ethnicMinority: false, politicalTheory: 0, employmentStatus: 'active' };
    let unchanged = 0;
    const changes: Array<{ id: string; before: Row | null; after: Row }> = [];
    for (const { values } of file.rows) {
      const stored = existing.get(values.code as string);
      const before = stored ? withoutId(stored, 'unitPath') : null;
      const after = this.merge(before ?? { ...STAFF_DEFAULTS }, values, fields, defaults);
      after.searchName = toSearchName(after.fullName as string);
      if (before && same(before, after)) unchanged++;
      else changes.push({ id: stored?.id ?? randomUUID(), before, after });
    }
    return this.write(
      context,
      { entity: 'staff', table: 'staff', columns: STAFF_COLUMNS },
      changes,
      unchanged,
    );
  }
}

const STAFF_COLUMNS: BulkColumn[] = [
  { column: 'code', field: 'code', type: 'text' },
  { column: 'full_name', field: 'fullName', type: 'text' },
  { column: 'search_name', field: 'searchName', type: 'text' },
  { column: 'birth_date', field: 'birthDate', type: 'date' },
  { column: 'gender', field: 'gender', type: 'text' },
  { column: 'ethnic_minority', field: 'ethnicMinority', type: 'boolean' },
  { column: 'unit_id', field: 'unitId', type: 'uuid' },
  { column: 'position_id', field: 'positionId', type: 'uuid' },
  { column: 'civil_service_rank', field: 'civilServiceRank', type: 'smallint' },
  { column: 'education_level', field: 'educationLevel', type: 'smallint' },
  { column: 'education_field', field: 'educationField', type: 'text' },
  { column: 'political_theory', field: 'politicalTheory', type: 'smallint' },
  { column: 'fostering_rank', field: 'fosteringRank', type: 'smallint' },
  { column: 'language_level', field: 'languageLevel', type: 'smallint' },
  { column: 'joined_service_on', field: 'joinedServiceOn', type: 'date' },
  { column: 'authority_id', field: 'authorityId', type: 'uuid' },
  { column: 'employment_status', field: 'employmentStatus', type: 'text' },
];

/** The stored staff record in the audit trail's shape (dates as ISO text). */
const STAFF_FIELDS = STAFF_COLUMNS.map(
  (column) => `s.${column.column}${column.type === 'date' ? '::text' : ''} AS "${column.field}"`,
).join(', ');

const STAFF_DEFAULTS: Row = Object.fromEntries(STAFF_COLUMNS.map((column) => [column.field, null]));
Object.assign(STAFF_DEFAULTS, {
  ethnicMinority: false,
  politicalTheory: 0,
  employmentStatus: 'active',
});

function withoutId(row: Row, ...more: string[]): Row {
  const copy = { ...row };
  delete copy.id;
  for (const key of more) delete copy[key];
  return copy;
}

function pickUnit(unit: Row): Row {
  return {
    code: unit.code,
    name: unit.name,
    tierId: unit.tierId,
    kind: unit.kind,
    parentId: unit.parentId,
    active: unit.active,
  };
}
