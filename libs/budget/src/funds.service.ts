import { Actor, forbidden, isAdmin, ScopePredicate } from '@app/access';
import { AuditContext, AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BudgetService } from './budget.service';
import { Fund, FundPolicy, FundSource, LedgerKind } from './fund.entities';
import { fundScope, mayManageFunds } from './fund-scope';

export interface NewFund {
  code: string;
  name: string;
  fiscalYear: number;
  ownerUnitId: string;
  source: FundSource;
  policy: FundPolicy;
  thresholds: number[];
  pipelineWarningPercent?: number | null;
  allocated: bigint;
}

export interface FundChanges {
  name?: string;
  policy?: FundPolicy;
  thresholds?: number[];
  pipelineWarningPercent?: number | null;
  status?: 'open' | 'closed';
}

export interface FundFilter {
  year?: number;
  ownerUnitId?: string;
  tierId?: string;
  source?: FundSource;
  status?: 'open' | 'closed';
  page: number;
  pageSize: number;
}

/** A fund with its balances, what is under review against it, and its owner unit and tier. */
export interface FundView {
  id: string;
  code: string;
  name: string;
  fiscalYear: number;
  ownerUnitId: string;
  ownerUnitName: string;
  tierId: string;
  tierLevel: number;
  tierCode: string;
  tierName: string;
  source: FundSource;
  policy: FundPolicy;
  thresholds: number[];
  pipelineWarningPercent: number | null;
  status: 'open' | 'closed';
  allocated: bigint;
  reserved: bigint;
  spent: bigint;
  available: bigint;
  pipeline: bigint;
  createdAt: Date;
  updatedAt: Date;
}

export interface LedgerFilter {
  kind?: LedgerKind;
  nominationId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface LedgerEntryView {
  id: string;
  kind: LedgerKind;
  amount: bigint;
  nominationId: string | null;
  actorUserId: string | null;
  comment: string | null;
  overrideReason: string | null;
  occurredAt: Date;
  /** Who moved the money; null for the system. */
  actorName: string | null;
  /** The nomination the entry is for, by the names a person reads. */
  nomination: {
    id: string;
    reference: string;
    nomineeName: string;
    intakeCode: string;
    /** The intake's programme. */
    intakeName: string;
  } | null;
}

/** One row of the summary: a fiscal year, an owner tier and a source. Percentages are rounded down. */
export interface FundSummaryRow {
  fiscalYear: number;
  tierId: string;
  tierLevel: number;
  tierCode: string;
  tierName: string;
  source: FundSource;
  funds: number;
  allocated: string;
  reserved: string;
  spent: string;
  available: string;
  utilizationPercent: number;
  /** This row's allocation as a share of the year's allocation (all tiers and sources). */
  shareOfYearPercent: number;
  /** The source's allocation (all tiers) as a share of the year's allocation. */
  sourceSharePercent: number;
}

export interface ThresholdEventView {
  id: string;
  fundId: string;
  fundCode: string;
  threshold: number;
  utilizationPercent: number;
  nominationId: string | null;
  occurredAt: Date;
}

const VIEW_SELECT = `
  SELECT f.id, f.code, f.name, f.fiscal_year AS "fiscalYear", f.owner_unit_id AS "ownerUnitId",
         ou.name AS "ownerUnitName", t.id AS "tierId", t.level AS "tierLevel", t.code AS "tierCode",
         t.name AS "tierName", f.source, f.policy, f.thresholds,
         f.pipeline_warning_percent AS "pipelineWarningPercent", f.status,
         f.allocated::text AS allocated, f.reserved::text AS reserved, f.spent::text AS spent,
         f.available::text AS available, f.created_at AS "createdAt", f.updated_at AS "updatedAt"
    FROM funds f
    JOIN units ou ON ou.id = f.owner_unit_id
    JOIN tiers t ON t.id = ou.tier_id`;

type ViewRow = Omit<FundView, 'allocated' | 'reserved' | 'spent' | 'available' | 'pipeline'> & {
  allocated: string;
  reserved: string;
  spent: string;
  available: string;
};

/**
 * Training funds as finance manages them: creation with the first allocation, settings,
 * allocations and adjustments (always through BudgetService, under the fund's row lock),
 * balances with utilization, the ledger, the summary and reconciliation. Every query is
 * filtered by `fundScope`; a fund out of scope is a 404, a visible one the caller may not
 * change a 403.
 */
@Injectable()
export class FundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly budget: BudgetService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, filter: FundFilter): Promise<{ items: FundView[]; total: number }> {
    const scope = fundScope(actor, 'read');
    const params: Record<string, unknown> = { ...scope.params };
    const where = [scope.sql];
    if (filter.year !== undefined) {
      where.push('f.fiscal_year = :year');
      params.year = filter.year;
    }
    if (filter.ownerUnitId) {
      where.push('f.owner_unit_id = :ownerUnitId');
      params.ownerUnitId = filter.ownerUnitId;
    }
    if (filter.tierId) {
      where.push('ou.tier_id = :tierId');
      params.tierId = filter.tierId;
    }
    if (filter.source) {
      where.push('f.source = :source');
      params.source = filter.source;
    }
    if (filter.status) {
      where.push('f.status = :status');
      params.status = filter.status;
    }
    const condition = where.join(' AND ');
    const manager = this.dataSource.manager;
    const [{ total }] = await this.query<{ total: number }>(
      manager,
      `SELECT count(*)::int AS total FROM funds f JOIN units ou ON ou.id = f.owner_unit_id WHERE ${condition}`,
      params,
    );
    const rows = await this.query<ViewRow>(
      manager,
      `${VIEW_SELECT} WHERE ${condition}
        ORDER BY f.fiscal_year DESC, t.level, f.code
        LIMIT :limit OFFSET :offset`,
      { ...params, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize },
    );
    return { items: await this.withPipeline(manager, rows), total };
  }

  async get(actor: Actor, id: string): Promise<FundView> {
    return this.view(this.dataSource.manager, id, fundScope(actor, 'read'));
  }

  /**
   * Funds by id, in code order, whatever the caller's fund scope: only for a read that
   * another object has authorized, such as the funds a nomination the caller may see draws
   * on (`NominationQueries.funds`).
   */
  async drawnOn(manager: EntityManager, ids: string[]): Promise<FundView[]> {
    if (!ids.length) return [];
    const rows = await this.query<ViewRow>(
      manager,
      `${VIEW_SELECT} WHERE f.id = ANY(CAST(:ids AS uuid[])) ORDER BY f.code`,
      { ids },
    );
    return this.withPipeline(manager, rows);
  }

  async create(actor: Actor, context: AuditContext, fields: NewFund): Promise<FundView> {
    if (!mayManageFunds(actor)) throw mayNotManage();
    return this.dataSource.transaction(async (manager) => {
      const write = fundScope(actor, 'write');
      const [owner] = await this.query<{ writable: boolean }>(
        manager,
        `SELECT ${write.sql} AS writable FROM units ou WHERE ou.id = :ownerUnitId`,
        { ...write.params, ownerUnitId: fields.ownerUnitId },
      );
      if (!owner) {
        throw new DomainError('UNKNOWN_REFERENCE', 'unprocessable', 'The unit does not exist.', {
          errors: [{ field: 'ownerUnitId', message: 'No such unit', code: 'UNKNOWN_REFERENCE' }],
        });
      }
      if (!owner.writable) {
        throw forbidden('Finance may create funds only for units within its own scope.');
      }
      if (await manager.existsBy(Fund, { code: fields.code })) {
        throw new DomainError('CODE_TAKEN', 'conflict', `The code ${fields.code} is taken.`);
      }
      const { allocated, ...columns } = fields;
      const { identifiers } = await manager.insert(Fund, columns);
      const id = String(identifiers[0].id);
      await this.budget.allocate(manager, id, allocated, actor.userId, 'Initial allocation');
      const created = await this.view(manager, id);
      await this.audit.recordWith(manager, context, {
        entity: 'fund',
        entityId: id,
        before: null,
        after: auditable(created),
      });
      return created;
    });
  }

  async update(
    actor: Actor,
    context: AuditContext,
    id: string,
    changes: FundChanges,
  ): Promise<FundView> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockForWrite(manager, actor, id);
      const current = await this.view(manager, id);
      if (changes.policy === 'stop' && current.policy !== 'stop' && current.available < 0n) {
        throw overdrawn(current);
      }
      const set: Partial<Fund> = {};
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.policy !== undefined) set.policy = changes.policy;
      if (changes.thresholds !== undefined) set.thresholds = changes.thresholds;
      if (changes.pipelineWarningPercent !== undefined) {
        set.pipelineWarningPercent = changes.pipelineWarningPercent;
      }
      if (changes.status !== undefined) set.status = changes.status;
      if (Object.keys(set).length) {
        try {
          await manager.update(Fund, { id }, set);
        } catch (error) {
          if (isCheckViolation(error, 'funds_stop_never_negative')) throw overdrawn(current);
          throw error;
        }
      }
      const saved = await this.view(manager, id);
      await this.audit.recordWith(manager, context, {
        entity: 'fund',
        entityId: id,
        before: auditable(current),
        after: auditable(saved),
      });
      return saved;
    });
  }

  /** New money for a fund. */
  async allocate(
    actor: Actor,
    context: AuditContext,
    id: string,
    amount: bigint,
    comment: string | null,
  ): Promise<FundView> {
    return this.move(actor, context, id, (manager) =>
      this.budget.allocate(manager, id, amount, actor.userId, comment),
    );
  }

  /** Raises or lowers the allocation, with a reason. */
  async adjust(
    actor: Actor,
    context: AuditContext,
    id: string,
    amount: bigint,
    reason: string,
  ): Promise<FundView> {
    return this.move(actor, context, id, (manager) =>
      this.budget.adjust(manager, id, amount, actor.userId, reason),
    );
  }

  /** Newest first. */
  async ledger(
    actor: Actor,
    id: string,
    filter: LedgerFilter,
  ): Promise<{ items: LedgerEntryView[]; total: number }> {
    const manager = this.dataSource.manager;
    await this.view(manager, id, fundScope(actor, 'read'));
    const where = ['l.fund_id = :id'];
    const params: Record<string, unknown> = { id };
    if (filter.kind) {
      where.push('l.kind = :kind');
      params.kind = filter.kind;
    }
    if (filter.nominationId) {
      where.push('l.nomination_id = :nominationId');
      params.nominationId = filter.nominationId;
    }
    if (filter.from) {
      where.push('l.occurred_at >= :from::timestamptz');
      params.from = filter.from;
    }
    if (filter.to) {
      where.push('l.occurred_at < :to::timestamptz');
      params.to = filter.to;
    }
    const condition = where.join(' AND ');
    const [{ total }] = await this.query<{ total: number }>(
      manager,
      `SELECT count(*)::int AS total FROM fund_ledger l WHERE ${condition}`,
      params,
    );
    // The page first, then the names of its rows only.
    const rows = await this.query<
      Omit<LedgerEntryView, 'amount' | 'nomination'> & {
        amount: string;
        reference: string | null;
        nomineeName: string | null;
        intakeCode: string | null;
        intakeName: string | null;
      }
    >(
      manager,
      `SELECT l.id::text AS id, l.kind, l.amount::text AS amount, l.nomination_id AS "nominationId",
              l.actor_user_id AS "actorUserId", l.comment, l.override_reason AS "overrideReason",
              l.occurred_at AS "occurredAt", au.display_name AS "actorName",
              n.reference, s.full_name AS "nomineeName", i.code AS "intakeCode",
              p.name AS "intakeName"
         FROM (SELECT * FROM fund_ledger l WHERE ${condition}
                ORDER BY l.occurred_at DESC, l.id DESC
                LIMIT :limit OFFSET :offset) l
         LEFT JOIN users au ON au.id = l.actor_user_id
         LEFT JOIN nominations n ON n.id = l.nomination_id
         LEFT JOIN staff s ON s.id = n.nominee_staff_id
         LEFT JOIN intakes i ON i.id = n.intake_id
         LEFT JOIN programs p ON p.id = i.program_id
        ORDER BY l.occurred_at DESC, l.id DESC`,
      { ...params, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize },
    );
    return {
      items: rows.map(({ reference, nomineeName, intakeCode, intakeName, ...row }) => ({
        ...row,
        amount: BigInt(row.amount),
        nomination:
          row.nominationId && reference
            ? {
                id: row.nominationId,
                reference,
                nomineeName: nomineeName!,
                intakeCode: intakeCode!,
                intakeName: intakeName!,
              }
            : null,
      })),
      total,
    };
  }

  /**
   * Per fiscal year, owner tier and source, over the funds the caller may see: balances,
   * utilization, and shares of the year's allocation. One query.
   */
  async summary(actor: Actor, year?: number): Promise<FundSummaryRow[]> {
    const scope = fundScope(actor, 'read');
    const params: Record<string, unknown> = { ...scope.params };
    let condition = scope.sql;
    if (year !== undefined) {
      condition += ' AND f.fiscal_year = :year';
      params.year = year;
    }
    return this.query<FundSummaryRow>(
      this.dataSource.manager,
      `SELECT f.fiscal_year AS "fiscalYear", t.id AS "tierId", t.level AS "tierLevel",
              t.code AS "tierCode", t.name AS "tierName", f.source,
              count(*)::int AS funds,
              sum(f.allocated)::text AS allocated, sum(f.reserved)::text AS reserved,
              sum(f.spent)::text AS spent, sum(f.available)::text AS available,
              ${percent('sum(f.reserved) + sum(f.spent)', 'sum(f.allocated)')} AS "utilizationPercent",
              ${percent(
                'sum(f.allocated)',
                'sum(sum(f.allocated)) OVER (PARTITION BY f.fiscal_year)',
              )} AS "shareOfYearPercent",
              ${percent(
                'sum(sum(f.allocated)) OVER (PARTITION BY f.fiscal_year, f.source)',
                'sum(sum(f.allocated)) OVER (PARTITION BY f.fiscal_year)',
              )} AS "sourceSharePercent"
         FROM funds f
         JOIN units ou ON ou.id = f.owner_unit_id
         JOIN tiers t ON t.id = ou.tier_id
        WHERE ${condition}
        GROUP BY f.fiscal_year, t.id, t.level, t.code, t.name, f.source
        ORDER BY f.fiscal_year DESC, t.level, f.source`,
      params,
    );
  }

  /** Threshold crossings of the funds the caller may see; finance and administrators only. */
  async thresholdEvents(
    actor: Actor,
    filter: { fundId?: string; page: number; pageSize: number },
  ): Promise<{ items: ThresholdEventView[]; total: number }> {
    if (!actor.grants.some((grant) => grant.role === 'admin' || grant.role === 'finance')) {
      throw forbidden('Only finance and administrators may read threshold events.');
    }
    const scope = fundScope(actor, 'read');
    const manager = this.dataSource.manager;
    const params: Record<string, unknown> = { ...scope.params };
    let condition = scope.sql;
    if (filter.fundId) {
      await this.view(manager, filter.fundId, scope);
      condition += ' AND e.fund_id = :fundId';
      params.fundId = filter.fundId;
    }
    const from = `FROM fund_threshold_events e
      JOIN funds f ON f.id = e.fund_id
      JOIN units ou ON ou.id = f.owner_unit_id
     WHERE ${condition}`;
    const [{ total }] = await this.query<{ total: number }>(
      manager,
      `SELECT count(*)::int AS total ${from}`,
      params,
    );
    const items = await this.query<ThresholdEventView>(
      manager,
      `SELECT e.id::text AS id, e.fund_id AS "fundId", f.code AS "fundCode", e.threshold,
              (e.utilization_basis_points / 100.0)::float8 AS "utilizationPercent",
              e.nomination_id AS "nominationId", e.occurred_at AS "occurredAt"
         ${from}
        ORDER BY e.occurred_at DESC, e.id DESC
        LIMIT :limit OFFSET :offset`,
      { ...params, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize },
    );
    return { items, total };
  }

  /** Funds whose balances differ from their ledger; administrators only. */
  async reconcile(actor: Actor): Promise<Array<Record<string, string>>> {
    if (!isAdmin(actor)) throw forbidden('Only administrators may do this.');
    return this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.budget.reconcile(manager),
    );
  }

  /** A money movement under the fund's row lock, audited with the balances before and after. */
  private async move(
    actor: Actor,
    context: AuditContext,
    id: string,
    movement: (manager: EntityManager) => Promise<void>,
  ): Promise<FundView> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockForWrite(manager, actor, id);
      const before = await this.view(manager, id);
      await movement(manager);
      const after = await this.view(manager, id);
      await this.audit.recordWith(manager, context, {
        entity: 'fund',
        entityId: id,
        before: auditable(before),
        after: auditable(after),
      });
      return after;
    });
  }

  /**
   * Locks the fund row (funds only, not its unit) and checks the caller may change it:
   * unseen is 404, seen but not theirs 403.
   */
  private async lockForWrite(manager: EntityManager, actor: Actor, id: string): Promise<void> {
    const read = fundScope(actor, 'read');
    const write = fundScope(actor, 'write');
    const [row] = await this.query<{ visible: boolean; writable: boolean }>(
      manager,
      `SELECT ${read.sql} AS visible, ${write.sql} AS writable
         FROM funds f JOIN units ou ON ou.id = f.owner_unit_id
        WHERE f.id = :id
          FOR UPDATE OF f`,
      { ...read.params, ...write.params, id },
    );
    if (!row || !row.visible) throw fundNotFound(id);
    if (!row.writable) throw mayNotManage();
  }

  private async view(
    manager: EntityManager,
    id: string,
    scope: ScopePredicate = { sql: 'TRUE', params: {} },
  ): Promise<FundView> {
    const rows = await this.query<ViewRow>(
      manager,
      `${VIEW_SELECT} WHERE f.id = :id AND ${scope.sql}`,
      { ...scope.params, id },
    );
    if (!rows.length) throw fundNotFound(id);
    return (await this.withPipeline(manager, rows))[0];
  }

  private async withPipeline(manager: EntityManager, rows: ViewRow[]): Promise<FundView[]> {
    const pipeline = rows.length
      ? await this.budget.pipeline(
          manager,
          rows.map((row) => row.id),
        )
      : new Map<string, bigint>();
    return rows.map((row) => ({
      ...row,
      allocated: BigInt(row.allocated),
      reserved: BigInt(row.reserved),
      spent: BigInt(row.spent),
      available: BigInt(row.available),
      pipeline: pipeline.get(row.id) ?? 0n,
    }));
  }

  /** Runs SQL with `:name` parameters. */
  private query<T>(
    manager: EntityManager,
    sql: string,
    params: Record<string, unknown>,
  ): Promise<T[]> {
    const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
    return manager.query(text, values);
  }
}

/** `part / whole` as a percentage rounded down to 2 decimals; 0 when nothing is allocated. */
function percent(part: string, whole: string): string {
  return `(CASE WHEN ${whole} > 0 THEN floor((${part}) * 10000 / (${whole})) / 100 ELSE 0 END)::float8`;
}

export function fundNotFound(id: string): DomainError {
  return new DomainError('FUND_NOT_FOUND', 'not_found', `No fund ${id}.`);
}

const mayNotManage = () =>
  forbidden('Only administrators and finance over the fund’s owner unit may change a fund.');

function overdrawn(fund: FundView): DomainError {
  return new DomainError(
    'FUND_OVERDRAWN',
    'conflict',
    `Fund ${fund.code} is overdrawn (${fund.available} VND available); it cannot take the stop policy until its balance is back to zero or above.`,
    { fundId: fund.id, fundCode: fund.code, available: fund.available.toString() },
  );
}

function isCheckViolation(error: unknown, constraint: string): boolean {
  const driver =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ??
    (error as { code?: string; constraint?: string });
  return driver?.code === '23514' && driver.constraint === constraint;
}

/** The audit trail keeps JSON: money as strings of digits. */
function auditable(fund: FundView): Record<string, unknown> {
  return {
    code: fund.code,
    name: fund.name,
    fiscalYear: fund.fiscalYear,
    ownerUnitId: fund.ownerUnitId,
    source: fund.source,
    policy: fund.policy,
    thresholds: fund.thresholds,
    pipelineWarningPercent: fund.pipelineWarningPercent,
    status: fund.status,
    allocated: fund.allocated.toString(),
    reserved: fund.reserved.toString(),
    spent: fund.spent.toString(),
    available: fund.available.toString(),
  };
}
