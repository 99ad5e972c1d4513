import { Actor, Ctx, forbidden, hasRole, InvitationsService, isAdmin } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError, FieldError } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ImportKind } from './columns';
import { FileParser } from './file-parser';
import { ImportContext, Importer } from './importer';
import { importCompliance } from './compliance.importer';
import { importParticipations } from './participations.importer';
import { importPositions } from './positions.importer';
import { REFERENCE_IMPORTERS } from './reference-importers';
import { ErrorList, ImportRowError, ParsedFile, sortErrors } from './rows';
import { EDITOR_ROLES, importStaff } from './staff.importer';
import { importUnits } from './units.importer';
import { importUsers } from './users.importer';

export interface ImportFile {
  /** Handed to the parsing thread: not usable after the import. */
  buffer: Buffer;
  filename?: string;
}

export interface ImportOptions {
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
  users: importUsers,
  ...REFERENCE_IMPORTERS,
  participations: importParticipations,
  compliance: importCompliance,
};

/** Ends a dry run's transaction with a rollback, carrying what the import would have done. */
class DryRunRolledBack extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run rolled back');
  }
}

/** Besides admins, the kinds unit heads and board reviewers may import within their scope. */
const SCOPED_KINDS: ReadonlySet<ImportKind> = new Set<ImportKind>(['staff', 'participations']);

/** `errors` are the first problems in file order, `total` how many there are in all. */
export function importInvalid(errors: ImportRowError[], total = errors.length): DomainError {
  const rows = new Set(errors.map((error) => error.row)).size;
  const found =
    total > errors.length
      ? `${total} problems; the first ${errors.length} are listed`
      : `${total} problem(s) on ${rows} row(s)`;
  return new DomainError(
    'IMPORT_INVALID',
    'unprocessable',
    `The file has ${found}; nothing was imported.`,
    { errors: errors as unknown as FieldError[], errorCount: total },
  );
}

/**
 * Imports units, positions, staff or users from a CSV or XLSX file: all rows or none,
 * upserted by code (users by email), in one transaction with their audit rows and, for new
 * users, their invitation emails (queued in the outbox, so a failed import sends nothing). Rows equal to the stored record are left
 * alone, so importing the same file twice changes nothing the second time.
 */
@Injectable()
export class ImportService implements OnModuleDestroy {
  private readonly parser: FileParser;

  constructor(
    private readonly audit: AuditService,
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.parser = new FileParser({
      limits: {
        maxUnzippedBytes: config.IMPORT_MAX_UNZIPPED_BYTES,
        maxRows: config.IMPORT_MAX_ROWS,
        maxCells: config.IMPORT_MAX_CELLS,
        maxErrors: config.IMPORT_MAX_ERRORS,
      },
      memoryMb: config.IMPORT_WORKER_MEMORY_MB,
      concurrency: config.IMPORT_CONCURRENCY,
    });
  }

  onModuleDestroy(): Promise<void> {
    return this.parser.close();
  }

  /** Whether the caller may import this kind at all (row scope is checked per row). */
  authorize(kind: ImportKind, actor: Actor): void {
    if (isAdmin(actor)) return;
    if (SCOPED_KINDS.has(kind) && hasRole(actor, ...EDITOR_ROLES)) return;
    throw forbidden(
      SCOPED_KINDS.has(kind)
        ? `Only admins, unit heads and board reviewers may import ${kind}.`
        : `Only admins may import ${kind}.`,
    );
  }

  async import(
    ctx: Ctx,
    kind: ImportKind,
    input: ImportFile,
    options: ImportOptions,
  ): Promise<ImportResult> {
    this.authorize(kind, ctx.actor);
    // A dry run rolls its own transaction back; inside a caller's it could not.
    if (options.dryRun) ctx.assertOutsideTransaction('A dry-run import');
    const file = await this.parser.parse(kind, input.buffer, input.filename);
    try {
      return await ctx.transaction(async (tx) => {
        // One import of a kind at a time: the upsert reads, then writes.
        await tx.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`import:${kind}`]);
        const context: ImportContext = {
          manager: tx.manager,
          rows: file.rows,
          actor: tx.actor,
          maxErrors: this.parser.limits.maxErrors,
          recordAudit: (entity, changes) =>
            this.audit.recordMany(
              tx,
              changes.map((change) => ({
                entity,
                entityId: change.id,
                before: change.before,
                after: change.after,
              })),
            ),
          invite: (userIds) => this.invitations.issue(tx, userIds),
        };
        const plan = await IMPORTERS[kind](context);
        this.failOn(file, plan.errors);
        const counts = await plan.apply();
        const result = { dryRun: options.dryRun, ...counts, rows: file.rows.length };
        if (options.dryRun) throw new DryRunRolledBack(result);
        return result;
      });
    } catch (error) {
      if (error instanceof DryRunRolledBack) return error.result;
      throw error;
    }
  }

  /** All or nothing: any problem in the file or its references stops the whole import. */
  private failOn(file: ParsedFile, errors: ErrorList): void {
    const total = file.errorCount + errors.total;
    if (!total) return;
    // Each list holds its first errors in file order, so together they hold the first of all.
    const listed = sortErrors([...file.errors, ...errors.listed]).slice(
      0,
      this.parser.limits.maxErrors,
    );
    throw importInvalid(listed, total);
  }
}
