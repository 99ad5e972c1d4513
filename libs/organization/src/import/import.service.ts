import { Actor, forbidden, hasRole, isAdmin } from '@app/access';
import { AuditContext, AuditService } from '@app/audit';
import { DomainError, FieldError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IMPORT_COLUMNS, ImportKind } from './columns';
import { ImportContext, Importer } from './importer';
import { importPositions } from './positions.importer';
import { ImportRowError, ParsedFile, parseRows, sortErrors } from './rows';
import { EDITOR_ROLES, importStaff } from './staff.importer';
import { readTable } from './table';
import { importUnits } from './units.importer';

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

const IMPORTERS: Record<ImportKind, Importer> = {
  units: importUnits,
  positions: importPositions,
  staff: importStaff,
};

export function importInvalid(errors: ImportRowError[]): DomainError {
  const rows = new Set(errors.map((error) => error.row)).size;
  return new DomainError(
    'IMPORT_INVALID',
    'unprocessable',
    `The file has ${errors.length} problem(s) on ${rows} row(s); nothing was imported.`,
    { errors: errors as unknown as FieldError[] },
  );
}

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
      const context: ImportContext = {
        manager: runner.manager,
        rows: file.rows,
        actor: options.actor,
        recordAudit: async (entity, changes) => {
          for (const change of changes) {
            await this.audit.record(runner.manager, options.audit, {
              entity,
              entityId: change.id,
              before: change.before,
              after: change.after,
            });
          }
        },
      };
      const plan = await IMPORTERS[kind](context);
      this.failOn(file, plan.errors);
      const counts = await plan.apply();
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

  /** All or nothing: any problem in the file or its references stops the whole import. */
  private failOn(file: ParsedFile, errors: ImportRowError[]): void {
    const all = sortErrors([...file.errors, ...errors]);
    if (all.length) throw importInvalid(all);
  }
}
