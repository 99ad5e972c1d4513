import { Ctx } from '@app/access';
import { FundSource, fundScope } from '@app/budget';
import { query } from '@app/database';
import { Injectable } from '@nestjs/common';

/** Money imported participations cost, per year, owner tier and source (whole VND). */
export interface ImportedSpendRow {
  fiscalYear: number;
  tierId: string;
  tierLevel: number;
  tierCode: string;
  tierName: string;
  source: FundSource;
  spent: string;
}

/**
 * What the history before the product spent on training: each imported participation's cost
 * counts as spent in the year its training started, owned by its fund's owner unit (or, with
 * only a source of money, by the participant's unit). It never moved a fund's balance, so it
 * is read here, beside the funds, and seen by whoever may see funds of that owner
 * (`fundScope`).
 */
@Injectable()
export class ImportedSpendService {
  async rows(
    ctx: Ctx,
    fromYear: number | null,
    toYear: number | null,
  ): Promise<ImportedSpendRow[]> {
    const scope = fundScope(ctx.actor, 'read');
    const sql = `
      SELECT extract(year FROM ip.starts_on)::int AS "fiscalYear", t.id AS "tierId",
             t.level AS "tierLevel", t.code AS "tierCode", t.name AS "tierName",
             ip.funding_source AS source, sum(ip.cost)::text AS spent
        FROM imported_participations ip
        JOIN staff s ON s.id = ip.staff_id
        LEFT JOIN funds f ON f.id = ip.fund_id
        JOIN units ou ON ou.id = coalesce(f.owner_unit_id, s.unit_id)
        JOIN tiers t ON t.id = ou.tier_id
       WHERE ip.cost > 0 AND ip.funding_source IS NOT NULL AND ${scope.sql}
         AND (:fromYear::int IS NULL OR ip.starts_on >= make_date(:fromYear::int, 1, 1))
         AND (:toYear::int IS NULL OR ip.starts_on < make_date(:toYear::int + 1, 1, 1))
       GROUP BY 1, 2, 3, 4, 5, 6`;
    return query(ctx.manager, sql, { ...scope.params, fromYear, toYear });
  }
}
