import { Actor, staffScope } from '@app/access';
import { BudgetService, FundCheck } from '@app/budget';
import { EligibilityService, EligibilityVerdict } from '@app/catalog';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NominationService } from './nomination.service';
import {
  loadCostLines,
  loadNomination,
  loadSteps,
  NominationRecord,
  StepRecord,
} from './nomination-records';
import { Action } from './workflow/transitions';

export interface NominationDetail extends Omit<
  NominationRecord,
  'nomineeUnitPath' | 'nomineeAuthorityId' | 'materialChanged'
> {
  nominee: { id: string; code: string; fullName: string };
  costLines: Array<{ fundId: string; amount: bigint }>;
  steps: StepRecord[];
  history: Array<Record<string, unknown>>;
  allowedActions: Action[];
  /** What each paying fund has left now, so every approver sees it before deciding. */
  budgetCheck: FundCheck[] | null;
  eligibility: EligibilityVerdict | null;
}

export interface NominationFilter {
  status?: string;
  intakeId?: string;
  unitId?: string;
  nomineeStaffId?: string;
  targetGroup?: number;
  page: number;
  pageSize: number;
}

@Injectable()
export class NominationQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationService,
    private readonly budget: BudgetService,
    private readonly eligibility: EligibilityService,
  ) {}

  async detail(
    actor: Actor,
    id: string,
    manager = this.dataSource.manager,
  ): Promise<NominationDetail> {
    const nomination = await loadNomination(manager, actor, id);
    const [steps, costLines, history, [nominee]] = await Promise.all([
      loadSteps(manager, id),
      loadCostLines(manager, id),
      manager.query(
        `SELECT action, from_status AS "from", to_status AS "to", step_position AS "stepPosition",
                actor_user_id AS "actorUserId", on_behalf_of AS "onBehalfOf", comment, occurred_at AS "occurredAt"
           FROM nomination_history WHERE nomination_id = $1 ORDER BY id`,
        [id],
      ),
      manager.query(`SELECT id, code, full_name AS "fullName" FROM staff WHERE id = $1`, [
        nomination.nomineeStaffId,
      ]),
    ]);
    const open = ['draft', 'in_review', 'returned'].includes(nomination.status);
    const {
      nomineeUnitPath: _p,
      nomineeAuthorityId: _a,
      materialChanged: _m,
      ...fields
    } = nomination;
    return {
      ...fields,
      nominee,
      costLines,
      steps,
      history,
      allowedActions: await this.nominations.allowedFor(actor, nomination, steps),
      budgetCheck: open && costLines.length ? await this.budget.check(manager, costLines) : null,
      eligibility: open
        ? await this.eligibility.verdict(
            actor,
            nomination.intakeId,
            nomination.nomineeStaffId,
            nomination.targetGroup,
          )
        : null,
    };
  }

  /** Nominations of staff the caller may see, newest first, in a stable order. */
  async list(actor: Actor, filter: NominationFilter) {
    const scope = staffScope(actor, 'read');
    const conditions = [scope.sql];
    const params: Record<string, unknown> = { ...scope.params };
    const filters: Array<[unknown, string, string]> = [
      [filter.status, 'n.status = :status', 'status'],
      [filter.intakeId, 'n.intake_id = :intakeId', 'intakeId'],
      [filter.nomineeStaffId, 'n.nominee_staff_id = :nominee', 'nominee'],
      [filter.targetGroup, 'n.target_group = :group', 'group'],
    ];
    for (const [value, condition, name] of filters) {
      if (value === undefined) continue;
      conditions.push(condition);
      params[name] = value;
    }
    if (filter.unitId) {
      conditions.push(`u.path LIKE (SELECT path FROM units WHERE id = :unitId) || '%'`);
      params.unitId = filter.unitId;
    }
    const where = conditions.join(' AND ');
    const base = `FROM nominations n JOIN staff s ON s.id = n.nominee_staff_id JOIN units u ON u.id = s.unit_id WHERE ${where}`;
    const driver = this.dataSource.driver;
    const [listSql, listParams] = driver.escapeQueryWithParameters(
      `SELECT n.id, n.reference, n.status, n.version, n.intake_id AS "intakeId", n.target_group AS "targetGroup",
              n.estimated_cost::text AS "estimatedCost", n.current_step AS "currentStep",
              n.decision_number AS "decisionNumber", n.created_at AS "createdAt",
              s.id AS "nomineeStaffId", s.full_name AS "nomineeName"
         ${base} ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset`,
      { ...params, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize },
    );
    const [countSql, countParams] = driver.escapeQueryWithParameters(
      `SELECT count(*)::int AS total ${base}`,
      params,
    );
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(listSql, listParams),
      this.dataSource.query(countSql, countParams),
    ]);
    return { items, total };
  }
}
