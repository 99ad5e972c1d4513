import { Actor, Ctx, forbidden, hasRole, isAdmin } from '@app/access';
import { AuditService } from '@app/audit';
import { unusableFunds } from '@app/budget';
import { DomainError, FieldError } from '@app/common';
import { StaffService } from '@app/organization';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PolicyStep, StepRole } from './chain';
import { HeldStep, loadChainFacts, resolveChain } from './chain-resolution';
import { AuthorityFacts, knownSeatOf, policyStepErrors } from './policy-rules';
import { countStepHolders } from './step-actors';

/** A policy's settings as an administrator writes them; money as digit strings. */
export interface PolicyFields {
  priority: number;
  name: string;
  active: boolean;
  matchAuthorityId: string | null;
  matchTierId: string | null;
  matchFundOwnerTierId: string | null;
  matchCategories: string[] | null;
  matchOverseas: boolean | null;
  matchMinCost: string | null;
  steps: PolicyStep[];
}

export interface PolicyStepView extends PolicyStep {
  authorityName: string | null;
}

export interface PolicyView extends Omit<PolicyFields, 'steps'> {
  id: string;
  version: number;
  matchAuthorityName: string | null;
  matchTierName: string | null;
  matchFundOwnerTierName: string | null;
  steps: PolicyStepView[];
  createdAt: Date;
  updatedAt: Date;
}

export interface PolicyVersionView {
  version: number;
  snapshot: Record<string, unknown>;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: Date;
}

/** A step of a saved policy that nobody could act on today; the policy is saved anyway. */
export interface PolicyWarning {
  field: string;
  position: number;
  role: StepRole;
  authorityId: string;
  authorityName: string | null;
  code: 'NO_HOLDER' | 'QUORUM_UNREACHABLE';
  message: string;
}

export const STEP_ROLE_LABELS: Record<StepRole, { vi: string; en: string }> = {
  board_reviewer: { vi: 'Ban Tổ chức thẩm định', en: 'Organization board review' },
  board_member: { vi: 'Ban Thường vụ quyết định', en: 'Standing Committee decision' },
  finance: { vi: 'Tài chính xác nhận', en: 'Finance confirmation' },
};

const SELECT_POLICY = `
  SELECT p.id, p.priority, p.name, p.active, p.version,
         p.match_authority_id AS "matchAuthorityId", ma.name AS "matchAuthorityName",
         p.match_tier_id AS "matchTierId", mt.name AS "matchTierName",
         p.match_fund_owner_tier_id AS "matchFundOwnerTierId", ft.name AS "matchFundOwnerTierName",
         p.match_categories AS "matchCategories", p.match_overseas AS "matchOverseas",
         p.match_min_cost::text AS "matchMinCost", p.steps,
         p.created_at AS "createdAt", p.updated_at AS "updatedAt"
    FROM approval_policies p
    LEFT JOIN management_authorities ma ON ma.id = p.match_authority_id
    LEFT JOIN tiers mt ON mt.id = p.match_tier_id
    LEFT JOIN tiers ft ON ft.id = p.match_fund_owner_tier_id`;

/**
 * Approval policies as administered data. Administrators manage every policy; a board
 * reviewer of an authority manages the policies that match that authority only (others'
 * are not found). Every change is checked, writes a new version with the whole policy and
 * an audit row in its transaction, and answers warnings for steps nobody holds today.
 */
@Injectable()
export class ApprovalPoliciesService {
  constructor(
    private readonly audit: AuditService,
    private readonly staff: StaffService,
  ) {}

  async list(ctx: Ctx): Promise<PolicyView[]> {
    const scope = managedAuthorities(ctx.actor);
    const rows = await ctx.manager.query(
      `${SELECT_POLICY} WHERE $1::uuid[] IS NULL OR p.match_authority_id = ANY($1::uuid[])
        ORDER BY p.priority, p.id`,
      [scope],
    );
    return this.withStepNames(ctx.manager, rows);
  }

  async get(ctx: Ctx, id: string): Promise<PolicyView & { versions: PolicyVersionView[] }> {
    const scope = managedAuthorities(ctx.actor);
    const policy = await this.find(ctx.manager, id, scope);
    const versions: PolicyVersionView[] = await ctx.manager.query(
      `SELECT v.version, v.snapshot, v.changed_by AS "changedBy", u.display_name AS "changedByName",
              v.changed_at AS "changedAt"
         FROM approval_policy_versions v LEFT JOIN users u ON u.id = v.changed_by
        WHERE v.policy_id = $1 ORDER BY v.version DESC`,
      [id],
    );
    return { ...policy, versions };
  }

  async create(
    ctx: Ctx,
    fields: PolicyFields,
  ): Promise<{ policy: PolicyView; warnings: PolicyWarning[] }> {
    const scope = managedAuthorities(ctx.actor);
    assertMayManage(scope, fields.matchAuthorityId);
    return this.inTransaction(ctx, async (tx) => {
      await this.assertValid(tx.manager, fields, null);
      const [{ id }] = await tx.manager.query(
        `INSERT INTO approval_policies (priority, name, active, match_authority_id, match_tier_id,
                                        match_fund_owner_tier_id, match_categories, match_overseas,
                                        match_min_cost, steps)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) RETURNING id`,
        columnValues(fields),
      );
      return this.saved(tx, id, null);
    });
  }

  async update(
    ctx: Ctx,
    id: string,
    expectedVersion: number,
    changes: Partial<PolicyFields>,
  ): Promise<{ policy: PolicyView; warnings: PolicyWarning[] }> {
    const scope = managedAuthorities(ctx.actor);
    return this.inTransaction(ctx, async (tx) => {
      const current = await this.find(tx.manager, id, scope, true);
      if (current.version !== expectedVersion) {
        throw new DomainError(
          'POLICY_VERSION_CONFLICT',
          'conflict',
          `The policy changed since version ${expectedVersion}; it is at version ${current.version}.`,
          { currentVersion: current.version },
        );
      }
      const next: PolicyFields = { ...fieldsOf(current), ...changes };
      assertMayManage(scope, next.matchAuthorityId);
      // Saving what is already there is no new version.
      if (canonical(next) === canonical(fieldsOf(current))) {
        return { policy: current, warnings: await this.warnings(tx, current) };
      }
      await this.assertValid(tx.manager, next, id);
      await tx.manager.query(
        `UPDATE approval_policies
            SET priority = $1, name = $2, active = $3, match_authority_id = $4, match_tier_id = $5,
                match_fund_owner_tier_id = $6, match_categories = $7, match_overseas = $8,
                match_min_cost = $9, steps = $10::jsonb, version = version + 1, updated_at = now()
          WHERE id = $11`,
        [...columnValues(next), id],
      );
      return this.saved(tx, id, current);
    });
  }

  /**
   * The chain a nomination of this person to this intake, paid by these funds, would get if
   * submitted now: the same code submission runs (chain-resolution.ts), with each step's
   * holders by name; a step nobody holds is a warning here and a refusal at submission.
   */
  async preview(
    ctx: Ctx,
    input: {
      staffId: string;
      intakeId: string;
      costLines: Array<{ fundId: string; amount: bigint }>;
    },
  ) {
    const { actor, manager } = ctx;
    if (!hasRole(actor, 'admin', 'unit_head', 'board_reviewer')) {
      throw forbidden('Only administrators, unit heads and board reviewers preview chains.');
    }
    const nominee = await this.staff.get(ctx, input.staffId);
    const [intake] = await manager.query(
      `SELECT p.category, p.overseas,
              (i.cost_tuition + i.cost_allowances + i.cost_travel + i.cost_other)::text AS estimate
         FROM intakes i JOIN programs p ON p.id = i.program_id WHERE i.id = $1`,
      [input.intakeId],
    );
    if (!intake)
      throw new DomainError('INTAKE_NOT_FOUND', 'not_found', `No intake ${input.intakeId}.`);
    const fundIds = input.costLines.map((line) => line.fundId);
    const existing: string[] = (
      await manager.query(`SELECT id FROM funds WHERE id = ANY($1::uuid[])`, [fundIds])
    ).map((row: { id: string }) => row.id);
    // A unit head previews with the funds they could nominate with; others out of reach read
    // as unknown, as at create. Administrators and board reviewers shape policies for any fund.
    const unusable = hasRole(actor, 'admin', 'board_reviewer')
      ? []
      : await unusableFunds(manager, actor, existing);
    const known = new Set(existing.filter((id) => !unusable.includes(id)));
    const unknown = input.costLines.flatMap((line, index): FieldError[] =>
      known.has(line.fundId)
        ? []
        : [
            {
              field: `costLine[${index}]`,
              message: `No fund ${line.fundId}`,
              code: 'UNKNOWN_FUND',
            },
          ],
    );
    if (unknown.length) {
      throw new DomainError('UNKNOWN_REFERENCE', 'unprocessable', 'Some funds do not exist.', {
        errors: unknown,
      });
    }
    const [unit] = await manager.query(`SELECT tier_id AS "tierId" FROM units WHERE id = $1`, [
      nominee.unitId,
    ]);
    const facts = await loadChainFacts(manager, {
      managingAuthorityId: nominee.authorityId,
      tierId: unit.tierId,
      category: intake.category,
      overseas: intake.overseas,
      estimatedCost: BigInt(intake.estimate),
      lines: input.costLines,
    });
    const { policy, steps } = await resolveChain(manager, facts, ctx.clock.today());
    const named = await this.stepNames(manager, steps);
    const resolved = steps.map((step) => ({
      position: step.position,
      role: step.role,
      roleLabel: STEP_ROLE_LABELS[step.role],
      authorityId: step.authorityId,
      authorityName: step.authorityId ? (named.get(step.authorityId) ?? null) : null,
      unitId: step.unitId,
      unitName: step.unitId ? (named.get(step.unitId) ?? null) : null,
      committee: step.committee,
      holders: step.holders,
    }));
    return {
      estimatedCost: facts.estimatedCost.toString(),
      policy: policy ? { id: policy.id, name: policy.name, priority: policy.priority } : null,
      steps: resolved,
      warnings: resolved
        .filter((step) => step.holders.length === 0)
        .map((step) => ({
          position: step.position,
          role: step.role,
          authorityId: step.authorityId,
          authorityName: step.authorityName ?? step.unitName,
          code: 'NO_HOLDER',
          message: `Nobody holds ${step.role} over ${step.authorityName ?? step.unitName} today; submission would be refused (CHAIN_INCOMPLETE).`,
        })),
    };
  }

  /** Two saves racing for one priority: the loser gets the field error the check gives. */
  private async inTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
    try {
      return await ctx.transaction(work);
    } catch (error) {
      const cause = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (cause?.code === '23505' && cause.constraint === 'approval_policies_priority_key') {
        throw new DomainError(
          'VALIDATION_FAILED',
          'invalid',
          'The policy is invalid; see errors.',
          {
            errors: [
              {
                field: 'priority',
                message: 'another policy has this priority',
                code: 'PRIORITY_TAKEN',
              },
            ],
          },
        );
      }
      throw error;
    }
  }

  /** Writes the version row and the audit entry of a save, and answers it with its warnings. */
  private async saved(
    tx: Ctx,
    id: string,
    before: PolicyView | null,
  ): Promise<{ policy: PolicyView; warnings: PolicyWarning[] }> {
    const policy = await this.find(tx.manager, id, null);
    await tx.manager.query(
      `INSERT INTO approval_policy_versions (policy_id, version, snapshot, changed_by)
       VALUES ($1, $2, $3::jsonb, $4)`,
      [id, policy.version, JSON.stringify(snapshotOf(policy)), tx.actorUserId],
    );
    await this.audit.record(
      tx,
      'approval_policy',
      id,
      before && { ...snapshotOf(before), version: before.version },
      { ...snapshotOf(policy), version: policy.version },
    );
    return { policy, warnings: await this.warnings(tx, policy) };
  }

  private async warnings(ctx: Ctx, policy: PolicyView): Promise<PolicyWarning[]> {
    const warnings: PolicyWarning[] = [];
    for (const [index, step] of policy.steps.entries()) {
      const seat = knownSeatOf(step, policy.matchAuthorityId);
      if (!seat) continue;
      const holders = await countStepHolders(
        ctx.manager,
        { role: step.role, authorityId: seat.authorityId, unitId: null },
        ctx.clock.today(),
      );
      const authorityName =
        step.authority === 'named' ? step.authorityName : policy.matchAuthorityName;
      const base = {
        field: `steps[${index}]`,
        position: index + 1,
        role: step.role,
        authorityId: seat.authorityId,
        authorityName,
      };
      if (holders === 0) {
        warnings.push({
          ...base,
          code: 'NO_HOLDER',
          message: `Step ${index + 1}: nobody holds ${step.role} over ${authorityName} today; nominations would be refused at submission.`,
        });
      } else if (typeof step.committee?.quorum === 'number' && step.committee.quorum > holders) {
        warnings.push({
          ...base,
          code: 'QUORUM_UNREACHABLE',
          message: `Step ${index + 1}: the quorum of ${step.committee.quorum} exceeds the ${holders} members holding ${step.role} over ${authorityName} today; every member would have to approve.`,
        });
      }
    }
    return warnings;
  }

  /** Every reference and rule of the policy, all problems at once, as field errors. */
  private async assertValid(
    manager: EntityManager,
    fields: PolicyFields,
    id: string | null,
  ): Promise<void> {
    const authorityIds = [
      ...fields.steps.flatMap((step) => (step.authorityId ? [step.authorityId] : [])),
      ...(fields.matchAuthorityId ? [fields.matchAuthorityId] : []),
    ];
    const authorities = new Map<string, AuthorityFacts>(
      (
        await manager.query(
          `SELECT id, active FROM management_authorities WHERE id = ANY($1::uuid[])`,
          [authorityIds],
        )
      ).map((row: AuthorityFacts) => [row.id, row]),
    );
    const errors: FieldError[] = [];
    if (fields.matchAuthorityId && !authorities.has(fields.matchAuthorityId)) {
      errors.push({
        field: 'matchAuthorityId',
        message: `no management authority ${fields.matchAuthorityId}`,
        code: 'UNKNOWN_AUTHORITY',
      });
    }
    for (const field of ['matchTierId', 'matchFundOwnerTierId'] as const) {
      const tierId = fields[field];
      if (tierId && !(await manager.query(`SELECT 1 FROM tiers WHERE id = $1`, [tierId])).length) {
        errors.push({ field, message: `no tier ${tierId}`, code: 'UNKNOWN_TIER' });
      }
    }
    const [taken] = await manager.query(
      `SELECT id FROM approval_policies WHERE priority = $1 AND id IS DISTINCT FROM $2::uuid`,
      [fields.priority, id],
    );
    if (taken) {
      errors.push({
        field: 'priority',
        message: `another policy has priority ${fields.priority}`,
        code: 'PRIORITY_TAKEN',
      });
    }
    errors.push(...policyStepErrors(fields.steps, authorities));
    if (errors.length) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', 'The policy is invalid; see errors.', {
        errors,
      });
    }
  }

  private async find(
    manager: EntityManager,
    id: string,
    scope: string[] | null,
    lock = false,
  ): Promise<PolicyView> {
    if (lock) await manager.query(`SELECT 1 FROM approval_policies WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = await manager.query(`${SELECT_POLICY} WHERE p.id = $1`, [id]);
    if (!row || (scope !== null && !scope.includes(row.matchAuthorityId))) {
      throw new DomainError('POLICY_NOT_FOUND', 'not_found', `No approval policy ${id}.`);
    }
    return (await this.withStepNames(manager, [row]))[0];
  }

  private async withStepNames(
    manager: EntityManager,
    rows: Array<Omit<PolicyView, 'steps'> & { steps: PolicyStep[] }>,
  ): Promise<PolicyView[]> {
    const ids = [...new Set(rows.flatMap((row) => row.steps.flatMap((s) => s.authorityId ?? [])))];
    const names = new Map<string, string>(
      (
        await manager.query(
          `SELECT id, name FROM management_authorities WHERE id = ANY($1::uuid[])`,
          [ids],
        )
      ).map((row: { id: string; name: string }) => [row.id, row.name]),
    );
    return rows.map((row) => ({
      ...row,
      steps: row.steps.map((step) => ({
        ...step,
        authorityName: step.authorityId ? (names.get(step.authorityId) ?? null) : null,
      })),
    }));
  }

  /** Names of the authorities and units the resolved steps sit over, by id. */
  private async stepNames(manager: EntityManager, steps: HeldStep[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = await manager.query(
      `SELECT id, name FROM management_authorities WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id, name FROM units WHERE id = ANY($2::uuid[])`,
      [steps.flatMap((step) => step.authorityId ?? []), steps.flatMap((step) => step.unitId ?? [])],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}

/** The authorities whose policies the caller manages; null means all (administrators). */
function managedAuthorities(actor: Actor): string[] | null {
  if (isAdmin(actor)) return null;
  const authorities = actor.grants.flatMap((grant) =>
    grant.role === 'board_reviewer' && grant.authorityId ? [grant.authorityId] : [],
  );
  if (!authorities.length) {
    throw forbidden('Only administrators and board reviewers of an authority manage policies.');
  }
  return authorities;
}

function assertMayManage(scope: string[] | null, matchAuthorityId: string | null): void {
  if (scope !== null && (matchAuthorityId === null || !scope.includes(matchAuthorityId))) {
    throw forbidden('A board reviewer manages only the policies that match their own authority.');
  }
}

function fieldsOf(policy: PolicyView): PolicyFields {
  return {
    priority: policy.priority,
    name: policy.name,
    active: policy.active,
    matchAuthorityId: policy.matchAuthorityId,
    matchTierId: policy.matchTierId,
    matchFundOwnerTierId: policy.matchFundOwnerTierId,
    matchCategories: policy.matchCategories,
    matchOverseas: policy.matchOverseas,
    matchMinCost: policy.matchMinCost,
    steps: policy.steps.map(({ authorityName: _name, ...step }) => step),
  };
}

const snapshotOf = (policy: PolicyView) => fieldsOf(policy);

/** JSON with keys in order at every depth (jsonb keeps its own key order). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );

const columnValues = (fields: PolicyFields) => [
  fields.priority,
  fields.name,
  fields.active,
  fields.matchAuthorityId,
  fields.matchTierId,
  fields.matchFundOwnerTierId,
  fields.matchCategories,
  fields.matchOverseas,
  fields.matchMinCost,
  JSON.stringify(fields.steps),
];
