import type { ScopePredicate } from '@app/access';
import { DomainError, type WorkContext } from '@app/common';
import { query } from '@app/database';
import type { BudgetService } from './budget.service';
import type { FundPolicy, FundSource } from './fund.entities';

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

/** A fund view's columns, over `funds f`, its owner unit `ou` and tier `t`. */
export const VIEW_SELECT = `
  SELECT f.id, f.code, f.name, f.fiscal_year AS "fiscalYear", f.owner_unit_id AS "ownerUnitId",
         ou.name AS "ownerUnitName", t.id AS "tierId", t.level AS "tierLevel", t.code AS "tierCode",
         t.name AS "tierName", f.source, f.policy, f.thresholds,
         f.pipeline_warning_percent AS "pipelineWarningPercent", f.status,
         f.allocated::text AS allocated, f.reserved::text AS reserved, f.spent::text AS spent,
         f.available::text AS available, f.created_at AS "createdAt", f.updated_at AS "updatedAt"
    FROM funds f
    JOIN units ou ON ou.id = f.owner_unit_id
    JOIN tiers t ON t.id = ou.tier_id`;

export type ViewRow = Omit<
  FundView,
  'allocated' | 'reserved' | 'spent' | 'available' | 'pipeline'
> & {
  allocated: string;
  reserved: string;
  spent: string;
  available: string;
};

/** One fund's view, within `scope` (by default any fund); a fund not found is a 404. */
export async function fundView(
  ctx: WorkContext,
  budget: BudgetService,
  id: string,
  scope: ScopePredicate = { sql: 'TRUE', params: {} },
): Promise<FundView> {
  const rows = await query<ViewRow>(
    ctx.manager,
    `${VIEW_SELECT} WHERE f.id = :id AND ${scope.sql}`,
    {
      ...scope.params,
      id,
    },
  );
  if (!rows.length) throw fundNotFound(id);
  return (await withPipeline(ctx, budget, rows))[0];
}

/** The rows as views: money as bigint, with what is under review against each fund. */
export async function withPipeline(
  ctx: WorkContext,
  budget: BudgetService,
  rows: ViewRow[],
): Promise<FundView[]> {
  const pipeline = rows.length
    ? await budget.pipeline(
        ctx,
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

export function fundNotFound(id: string): DomainError {
  return new DomainError('FUND_NOT_FOUND', 'not_found', `No fund ${id}.`);
}
