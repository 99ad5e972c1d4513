import { Actor, Ctx, forbidden } from '@app/access';
import { BudgetService, FundCheck, FundQueries, FundView } from '@app/budget';
import { EligibilityService, EligibilityVerdict } from '@app/catalog';
import { query } from '@app/database';
import { Injectable } from '@nestjs/common';
import {
  activeDelegatedGrants,
  DelegatedGrant,
  nominationScope,
  withDelegatedGrants,
} from './delegated-grants';
import { allowedActionsFor, mayNominate } from './nomination-access';
import { mayCopyFrom } from './nomination-copy';
import {
  loadCostLines,
  loadNomination,
  loadSteps,
  NominationRecord,
  StepRecord,
} from './nomination-records';
import { grantActsOnStepSql, grantsInForceSql } from './step-actors';
import { loadNominationNames, NominationNames } from './nomination-views';
import { Action, State, STATES } from './workflow/transitions';

export interface NominationDetail
  extends
    Omit<
      NominationRecord,
      'nomineeUnitPath' | 'nomineeAuthorityId' | 'materialChanged' | 'fundOwnerPaths'
    >,
    NominationNames {
  /** The fund's names are null for a caller who does not read the nomination's money. */
  costLines: Array<{
    fundId: string;
    amount: bigint;
    fundCode: string | null;
    fundName: string | null;
    fundOwnerUnitName: string | null;
    fundSource: string | null;
    fundFiscalYear: number | null;
  }>;
  steps: Array<
    StepRecord & {
      actedByName: string | null;
      onBehalfOfName: string | null;
      authorityName: string | null;
      /** The finance step's unit. */
      unitName: string | null;
    }
  >;
  history: Array<Record<string, unknown>>;
  allowedActions: Action[];
  /** What each paying fund has left now, so every approver sees it before deciding. */
  budgetCheck: FundCheck[] | null;
  eligibility: EligibilityVerdict | null;
  /** The decision that approved it, with its line when issued as one list. */
  decision: {
    id: string;
    number: string;
    kind: 'single' | 'list';
    line: number | null;
    decidedOn: string;
    meetingDate: string | null;
    meetingNumber: string | null;
  } | null;
  /** The nomination this draft was copied from, and the copies made of this one. */
  copiedFrom: LinkedNomination | null;
  copiedTo: LinkedNomination[];
  /** Whether the caller may copy it as a new draft now. */
  mayCopy: boolean;
}

/** Another nomination of the same nominee (so in the same scope), by its reference. */
export interface LinkedNomination {
  id: string;
  reference: string;
  status: State;
  createdAt: Date;
}

/** A fund a nomination draws on, with what this nomination puts on it. */
export interface NominationFund extends FundView {
  /** This nomination's cost line on the fund. */
  amount: bigint;
}

export interface NominationFilter {
  status?: string;
  intakeId?: string;
  unitId?: string;
  nomineeStaffId?: string;
  targetGroup?: number;
  /** `me`: in review, at a step the caller (or whoever delegated to them today) may act on. */
  awaiting?: 'me';
  page: number;
  pageSize: number;
}

@Injectable()
export class NominationQueries {
  constructor(
    private readonly budget: BudgetService,
    private readonly eligibility: EligibilityService,
    private readonly fundViews: FundQueries,
  ) {}

  /** Read in the caller's transaction when there is one, so an action answers what it did. */
  async detail(ctx: Ctx, id: string): Promise<NominationDetail> {
    const { actor, manager } = ctx;
    const today = ctx.clock.today();
    const nomination = await loadNomination(manager, actor, id, today);
    const delegated = await activeDelegatedGrants(manager, actor.userId, today);
    // One after another: inside a transaction these share one connection.
    const steps = await loadSteps(manager, id);
    const costLines = await loadCostLines(manager, id);
    const history = await manager.query(
      `SELECT h.action, h.from_status AS "from", h.to_status AS "to", h.step_position AS "stepPosition",
              h.actor_user_id AS "actorUserId", h.on_behalf_of AS "onBehalfOf", h.comment,
              h.occurred_at AS "occurredAt", au.display_name AS "actorName",
              ou.display_name AS "onBehalfOfName"
         FROM nomination_history h
         LEFT JOIN users au ON au.id = h.actor_user_id
         LEFT JOIN users ou ON ou.id = h.on_behalf_of
        WHERE h.nomination_id = $1 ORDER BY h.id`,
      [id],
    );
    const stepNames: Array<{
      id: string;
      actedByName: string | null;
      onBehalfOfName: string | null;
      authorityName: string | null;
      unitName: string | null;
    }> = await manager.query(
      `SELECT st.id, ab.display_name AS "actedByName", ob.display_name AS "onBehalfOfName",
              a.name AS "authorityName", fu.name AS "unitName"
         FROM nomination_steps st
         LEFT JOIN users ab ON ab.id = st.acted_by
         LEFT JOIN users ob ON ob.id = st.on_behalf_of
         LEFT JOIN management_authorities a ON a.id = st.authority_id
         LEFT JOIN units fu ON fu.id = st.unit_id
        WHERE st.nomination_id = $1`,
      [id],
    );
    const namesOfStep = new Map(stepNames.map(({ id: stepId, ...names }) => [stepId, names]));
    const money = readsMoney(actor, delegated);
    const funds: Array<{
      id: string;
      code: string;
      name: string;
      ownerUnitName: string;
      source: string;
      fiscalYear: number;
    }> = money
      ? await manager.query(
          `SELECT f.id, f.code, f.name, ou.name AS "ownerUnitName", f.source,
                  f.fiscal_year AS "fiscalYear"
             FROM funds f JOIN units ou ON ou.id = f.owner_unit_id
            WHERE f.id = ANY($1::uuid[])`,
          [costLines.map((line) => line.fundId)],
        )
      : [];
    const fundsById = new Map(funds.map((fund) => [fund.id, fund]));
    const names = (await loadNominationNames(manager, [id], today)).get(id)!;
    const links: Array<LinkedNomination & { copiedFrom: boolean }> = await manager.query(
      `SELECT id, reference, status, created_at AS "createdAt", id = $2 AS "copiedFrom"
         FROM nominations WHERE id = $2 OR copied_from_id = $1 ORDER BY created_at, id`,
      [id, nomination.copiedFromId],
    );
    const [decision] = nomination.decisionId
      ? await manager.query(
          `SELECT id, number, kind, decided_on::text AS "decidedOn", meeting_date::text AS "meetingDate",
                  meeting_number AS "meetingNumber"
             FROM decisions WHERE id = $1`,
          [nomination.decisionId],
        )
      : [];
    const open = ['draft', 'in_review', 'returned'].includes(nomination.status);
    const {
      nomineeUnitPath: _p,
      nomineeAuthorityId: _a,
      materialChanged: _m,
      fundOwnerPaths: _f,
      ...fields
    } = nomination;
    return {
      ...fields,
      ...names,
      costLines: costLines.map((line) => {
        const fund = fundsById.get(line.fundId);
        return {
          ...line,
          fundCode: fund?.code ?? null,
          fundName: fund?.name ?? null,
          fundOwnerUnitName: fund?.ownerUnitName ?? null,
          fundSource: fund?.source ?? null,
          fundFiscalYear: fund?.fiscalYear ?? null,
        };
      }),
      steps: steps.map((step) => ({
        ...step,
        actedByName: null,
        onBehalfOfName: null,
        authorityName: null,
        unitName: null,
        ...namesOfStep.get(step.id),
      })),
      history,
      decision: decision ? { ...decision, line: nomination.decisionLine } : null,
      copiedFrom: unlink(links.find((link) => link.copiedFrom)) ?? null,
      copiedTo: links.filter((link) => !link.copiedFrom).map((link) => unlink(link)!),
      mayCopy: mayCopyFrom(nomination.status) && mayNominate(actor, nomination.nomineeUnitPath),
      allowedActions: allowedActionsFor(actor, nomination, steps, delegated),
      budgetCheck:
        open && costLines.length && money ? await this.budget.check(ctx, costLines, id) : null,
      eligibility: open
        ? await this.eligibility.verdict(
            // A delegate reads the nominee as the delegator would.
            ctx.as(withDelegatedGrants(actor, delegated)),
            nomination.intakeId,
            nomination.nomineeStaffId,
            nomination.targetGroup,
          )
        : null,
    };
  }

  /**
   * The funds the nomination's cost lines draw on, read-only, for everyone with a role in its
   * work who may see it (approvers included, whose own fund scope may not reach them). The
   * nominee reading their own is refused (403); anyone else gets 404 for the nomination.
   */
  async funds(ctx: Ctx, id: string): Promise<NominationFund[]> {
    const { actor, manager } = ctx;
    const today = ctx.clock.today();
    await loadNomination(manager, actor, id, today);
    const delegated = await activeDelegatedGrants(manager, actor.userId, today);
    if (!readsMoney(actor, delegated)) {
      throw forbidden(
        'The funds of a nomination are read by those who nominate, review, decide or pay.',
      );
    }
    const lines = await loadCostLines(manager, id);
    const amounts = new Map(lines.map((line) => [line.fundId, line.amount]));
    const funds = await this.fundViews.drawnOn(ctx, [...amounts.keys()]);
    return funds.map((fund) => ({ ...fund, amount: amounts.get(fund.id)! }));
  }

  /**
   * The nominations the caller may see (the list's scope), counted per state, and those
   * waiting for the caller; optionally of one unit's subtree or one intake.
   */
  async summary(
    ctx: Ctx,
    filter: { unitId?: string; intakeId?: string },
  ): Promise<NominationSummary> {
    const { actor, manager } = ctx;
    const today = ctx.clock.today();
    const delegated = await activeDelegatedGrants(manager, actor.userId, today);
    const scope = nominationScope(actor, delegated);
    const conditions = [scope.sql];
    const params: Record<string, unknown> = { ...scope.params };
    if (filter.intakeId) {
      conditions.push('n.intake_id = :intakeId');
      params.intakeId = filter.intakeId;
    }
    if (filter.unitId) {
      conditions.push(`u.path LIKE (SELECT path FROM units WHERE id = :unitId) || '%'`);
      params.unitId = filter.unitId;
    }
    const where = conditions.join(' AND ');
    const from = `FROM nominations n JOIN staff s ON s.id = n.nominee_staff_id JOIN units u ON u.id = s.unit_id`;
    const [counts, [{ total: awaiting }]] = await Promise.all([
      query<{ status: State; count: number }>(
        manager,
        `SELECT n.status, count(*)::int AS count ${from} WHERE ${where} GROUP BY n.status`,
        params,
      ),
      query<{ total: number }>(
        manager,
        `WITH my_grants AS MATERIALIZED (
         SELECT * FROM (${grantsInForceSql('CAST(:today AS date)')}) g WHERE g.user_id = :me)
       SELECT count(*)::int AS total
         FROM (SELECT 1 ${from}${AWAITING_JOINS} WHERE ${where} AND ${AWAITING_CONDITION}
               LIMIT ${AWAITING_COUNT_CAP + 1}) counted`,
        { ...params, me: actor.userId, today },
      ),
    ]);
    const byStatus = Object.fromEntries(STATES.map((state) => [state, 0])) as Record<State, number>;
    for (const row of counts) {
      byStatus[row.status] = row.count;
    }
    return {
      byStatus,
      total: Object.values(byStatus).reduce((sum, count) => sum + count, 0),
      awaitingMe: Math.min(awaiting, AWAITING_COUNT_CAP),
      awaitingMeCapped: awaiting > AWAITING_COUNT_CAP,
    };
  }

  /**
   * Nominations of staff the caller may see, newest first, in a stable order. With
   * `awaiting: 'me'`, those waiting for the caller, oldest submission first.
   */
  async list(ctx: Ctx, filter: NominationFilter) {
    const { actor, manager } = ctx;
    const today = ctx.clock.today();
    const delegated = await activeDelegatedGrants(manager, actor.userId, today);
    const scope = nominationScope(actor, delegated);
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
    let prefix = '';
    let joins = '';
    let waiting = '';
    let order = 'n.created_at DESC, n.id DESC';
    if (filter.awaiting === 'me') {
      // The caller's grants in force today, own and lent, read once; each row is then
      // matched against the current step with the rule every other check uses.
      prefix = `WITH my_grants AS MATERIALIZED (
        SELECT * FROM (${grantsInForceSql('CAST(:today AS date)')}) g WHERE g.user_id = :me) `;
      joins = AWAITING_JOINS;
      conditions.push(AWAITING_CONDITION);
      Object.assign(params, { me: actor.userId, today });
      waiting = `, n.submitted_at AS "submittedAt", ${WAITING_SINCE} AS "waitingSince",
                 floor(extract(epoch FROM now() - ${WAITING_SINCE}) / 86400)::int AS "waitingDays"`;
      order = 'n.submitted_at ASC, n.id ASC';
    }
    // A queue of work is read from its head; counting it far costs every approver each time.
    const cap = filter.awaiting === 'me' ? AWAITING_COUNT_CAP : COUNT_CAP;
    const where = conditions.join(' AND ');
    const base = `FROM nominations n JOIN staff s ON s.id = n.nominee_staff_id JOIN units u ON u.id = s.unit_id${joins} WHERE ${where}`;
    const [rows, [{ total }]] = await Promise.all([
      query<NominationListRow>(
        manager,
        `${prefix}SELECT n.id, n.reference, n.status, n.version, n.intake_id AS "intakeId", n.target_group AS "targetGroup",
              n.estimated_cost::text AS "estimatedCost", n.current_step AS "currentStep",
              n.decision_number AS "decisionNumber", n.decision_line AS "decisionLine",
              n.created_at AS "createdAt",
              s.id AS "nomineeStaffId", s.full_name AS "nomineeName"${waiting}
         ${base} ORDER BY ${order} LIMIT :limit OFFSET :offset`,
        { ...params, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize },
      ),
      // Counting a million rows costs more than the page itself: count up to a cap and say so.
      query<{ total: number }>(
        manager,
        `${prefix}SELECT count(*)::int AS total FROM (SELECT 1 ${base} LIMIT ${cap + 1}) counted`,
        params,
      ),
    ]);
    // The names of the page's nominations, in one more query over the page's ids only.
    const names = await loadNominationNames(
      manager,
      rows.map((row) => row.id),
      today,
    );
    const items: Array<NominationListRow & NominationNames> = rows.map((row) => ({
      ...row,
      ...names.get(row.id)!,
    }));
    return { items, total: Math.min(total, cap), totalCapped: total > cap };
  }
}

/** A nomination as the list shows it, before the names beside its ids. */
export interface NominationListRow {
  id: string;
  reference: string;
  status: State;
  version: number;
  intakeId: string;
  targetGroup: number;
  estimatedCost: string;
  currentStep: number | null;
  decisionNumber: string | null;
  decisionLine: number | null;
  createdAt: Date;
  nomineeStaffId: string;
  nomineeName: string;
  /** `awaiting: 'me'` only. */
  submittedAt?: Date;
  waitingSince?: Date;
  waitingDays?: number;
}

/** How many nominations are in each state, and how many wait for the caller. */
export interface NominationSummary {
  byStatus: Record<State, number>;
  total: number;
  /** In review at a step the caller may act on now (as `awaiting=me`), counted up to a cap. */
  awaitingMe: number;
  awaitingMeCapped: boolean;
}

/** Totals above this are reported as this, with `totalCapped: true`. */
export const COUNT_CAP = 10_000;
export const AWAITING_COUNT_CAP = 1_000;

/** The current step, the path of its authority's unit (or finance unit), and the last change. */
const AWAITING_JOINS = `
  JOIN nomination_steps cs ON cs.nomination_id = n.id AND cs.position = n.current_step
  LEFT JOIN management_authorities ca ON ca.id = cs.authority_id
  LEFT JOIN units cau ON cau.id = ca.unit_id
  LEFT JOIN units cfu ON cfu.id = cs.unit_id`;

/** When the current step became current: the last change. Listed items only, not counted. */
const WAITING_SINCE = `(SELECT h.occurred_at FROM nomination_history h
                        WHERE h.nomination_id = n.id ORDER BY h.id DESC LIMIT 1)`;

/**
 * In review, and one of the caller's grants in force (own, or lent to them today) lets them
 * act on the current step: the rule of `stepActorsSql`, the same as `assertMayAct`.
 * `OFFSET 0` keeps the test a filter on each row: as a join, the planner guesses that
 * almost nothing matches and sorts every nomination in review instead of reading them in
 * submission order up to the page.
 */
const AWAITING_CONDITION = `n.status = 'in_review'
  AND EXISTS (SELECT 1 FROM my_grants g
               WHERE ${grantActsOnStepSql('g', {
                 role: 'cs.role',
                 authorityId: 'cs.authority_id',
                 path: 'coalesce(cau.path, cfu.path)',
                 nominationId: 'n.id',
                 position: 'cs.position',
                 nominatorUserId: 'n.nominator_user_id',
                 nomineeStaffId: 'n.nominee_staff_id',
               })}
              OFFSET 0)`;

/**
 * Whether the caller reads a nomination's money (its budget check, the funds it draws on):
 * anyone with a role in the work (own or lent), not a staff member reading their own.
 */
function readsMoney(actor: Actor, delegated: DelegatedGrant[]): boolean {
  return delegated.length > 0 || actor.grants.some((grant) => grant.role !== 'staff');
}

function unlink(
  link: (LinkedNomination & { copiedFrom: boolean }) | undefined,
): LinkedNomination | undefined {
  if (!link) return undefined;
  const { copiedFrom: _copiedFrom, ...linked } = link;
  return linked;
}
