import { AnyCtx, Ctx, forbidden, isAdmin } from '@app/access';
import { query } from '@app/database';
import { Injectable } from '@nestjs/common';
import { BudgetService } from './budget.service';
import type { FundSource, LedgerKind } from './fund.entities';
import { fundScope } from './fund-scope';
import { fundView, FundView, VIEW_SELECT, ViewRow, withPipeline } from './fund-view';

export interface FundFilter {
  year?: number;
  ownerUnitId?: string;
  tierId?: string;
  source?: FundSource;
  status?: 'open' | 'closed';
  page: number;
  pageSize: number;
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

/**
 * Training funds as finance reads them: balances with utilization and the money in review,
 * the ledger, the summary, threshold events and reconciliation. Every query is filtered by
 * `fundScope`: a fund out of the caller's scope is a 404. (Changes: FundsService.)
 */
@Injectable()
export class FundQueries {
  constructor(private readonly budget: BudgetService) {}

  async list(ctx: Ctx, filter: FundFilter): Promise<{ items: FundView[]; total: number }> {
    const scope = fundScope(ctx.actor, 'read');
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
    const [{ total }] = await query<{ total: number }>(
      ctx.manager,
      `SELECT count(*)::int AS total FROM funds f JOIN units ou ON ou.id = f.owner_unit_id WHERE ${condition}`,
      params,
    );
    const rows = await query<ViewRow>(
      ctx.manager,
      `${VIEW_SELECT} WHERE ${condition}
        ORDER BY f.fiscal_year DESC, t.level, f.code
        LIMIT :limit OFFSET :offset`,
      { ...params, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize },
    );
    return { items: await withPipeline(ctx, this.budget, rows), total };
  }

  async get(ctx: Ctx, id: string): Promise<FundView> {
    return fundView(ctx, this.budget, id, fundScope(ctx.actor, 'read'));
  }

  /**
   * Funds by id, in code order, whatever the caller's fund scope: only for a read that
   * another object has authorized, such as the funds a nomination the caller may see draws
   * on (`NominationQueries.funds`).
   */
  async drawnOn(ctx: AnyCtx, ids: string[]): Promise<FundView[]> {
    if (!ids.length) return [];
    const rows = await query<ViewRow>(
      ctx.manager,
      `${VIEW_SELECT} WHERE f.id = ANY(CAST(:ids AS uuid[])) ORDER BY f.code`,
      { ids },
    );
    return withPipeline(ctx, this.budget, rows);
  }

  /** Newest first. */
  async ledger(
    ctx: Ctx,
    id: string,
    filter: LedgerFilter,
  ): Promise<{ items: LedgerEntryView[]; total: number }> {
    const manager = ctx.manager;
    await fundView(ctx, this.budget, id, fundScope(ctx.actor, 'read'));
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
    const [{ total }] = await query<{ total: number }>(
      manager,
      `SELECT count(*)::int AS total FROM fund_ledger l WHERE ${condition}`,
      params,
    );
    // The page first, then the names of its rows only.
    const rows = await query<
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
  async summary(ctx: Ctx, year?: number): Promise<FundSummaryRow[]> {
    const scope = fundScope(ctx.actor, 'read');
    const params: Record<string, unknown> = { ...scope.params };
    let condition = scope.sql;
    if (year !== undefined) {
      condition += ' AND f.fiscal_year = :year';
      params.year = year;
    }
    return query<FundSummaryRow>(
      ctx.manager,
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
    ctx: Ctx,
    filter: { fundId?: string; page: number; pageSize: number },
  ): Promise<{ items: ThresholdEventView[]; total: number }> {
    const { actor } = ctx;
    if (!actor.grants.some((grant) => grant.role === 'admin' || grant.role === 'finance')) {
      throw forbidden('Only finance and administrators may read threshold events.');
    }
    const scope = fundScope(actor, 'read');
    const manager = ctx.manager;
    const params: Record<string, unknown> = { ...scope.params };
    let condition = scope.sql;
    if (filter.fundId) {
      await fundView(ctx, this.budget, filter.fundId, scope);
      condition += ' AND e.fund_id = :fundId';
      params.fundId = filter.fundId;
    }
    const from = `FROM fund_threshold_events e
      JOIN funds f ON f.id = e.fund_id
      JOIN units ou ON ou.id = f.owner_unit_id
     WHERE ${condition}`;
    const [{ total }] = await query<{ total: number }>(
      manager,
      `SELECT count(*)::int AS total ${from}`,
      params,
    );
    const items = await query<ThresholdEventView>(
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
  async reconcile(ctx: Ctx): Promise<Array<Record<string, string>>> {
    if (!isAdmin(ctx.actor)) throw forbidden('Only administrators may do this.');
    // Every fund and its ledger read in one snapshot.
    return ctx.transaction((tx) => this.budget.reconcile(tx), 'REPEATABLE READ');
  }
}

/** `part / whole` as a percentage rounded down to 2 decimals; 0 when nothing is allocated. */
function percent(part: string, whole: string): string {
  return `(CASE WHEN ${whole} > 0 THEN floor((${part}) * 10000 / (${whole})) / 100 ELSE 0 END)::float8`;
}
