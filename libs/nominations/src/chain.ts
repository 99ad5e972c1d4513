import type { CommitteeRule } from './committee';

/**
 * Approval chains by policy. Policies are tried in priority order; the first whose every
 * given condition matches the nomination gives the steps, which are then frozen on the
 * nomination, so a later policy change never reshapes nominations in flight.
 */
export const STEP_ROLES = ['board_reviewer', 'board_member', 'finance'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

export const STEP_AUTHORITIES = ['managing', 'named', 'fund_owner'] as const;
export type StepAuthority = (typeof STEP_AUTHORITIES)[number];

export interface PolicyStep {
  role: StepRole;
  /**
   * Whose role: the nominee's managing authority, a named authority, or each paying fund's
   * owner (finance over the owner unit; a board role of the owner's Standing Committee).
   */
  authority: StepAuthority;
  authorityId?: string;
  /** The role holders decide together (see committee.ts). */
  committee?: CommitteeRule;
  /** fund_owner only: an owner counts when its funds pay at least this (VND digit string). */
  minFundAmount?: string;
  /** fund_owner only: an owner counts when its tier is above the managing authority's. */
  onlyHigherTier?: boolean;
}

export interface ApprovalPolicy {
  id: string;
  priority: number;
  name: string;
  matchAuthorityId: string | null;
  matchTierId: string | null;
  matchFundOwnerTierId: string | null;
  matchCategories: string[] | null;
  matchOverseas: boolean | null;
  matchMinCost: bigint | null;
  steps: PolicyStep[];
}

/** One line of the cost split as the chain reads it: who owns the fund, and how much it pays. */
export interface PayingFund {
  ownerUnitId: string;
  ownerTierId: string;
  /** 1 is the top tier. */
  ownerTierLevel: number;
  /** The Standing Committee sitting in the owner unit, if it has one. */
  ownerCommitteeAuthorityId: string | null;
  amount: bigint;
}

export interface ChainFacts {
  managingAuthorityId: string;
  /** The tier level of the managing authority's unit (1 is the top). */
  managingTierLevel: number;
  /** The nominee's unit tier. */
  tierId: string;
  category: string;
  overseas: boolean;
  estimatedCost: bigint;
  /** The paying funds, in line order. */
  funds: PayingFund[];
}

/** One frozen step: a role over a management authority, or over a unit (finance: a fund owner). */
export interface ResolvedStep {
  position: number;
  role: StepRole;
  authorityId: string | null;
  unitId: string | null;
  committee: CommitteeRule | null;
}

export function policyMatches(policy: ApprovalPolicy, facts: ChainFacts): boolean {
  return (
    (policy.matchAuthorityId === null || policy.matchAuthorityId === facts.managingAuthorityId) &&
    (policy.matchTierId === null || policy.matchTierId === facts.tierId) &&
    (policy.matchFundOwnerTierId === null ||
      facts.funds.some((fund) => fund.ownerTierId === policy.matchFundOwnerTierId)) &&
    (policy.matchCategories === null || policy.matchCategories.includes(facts.category)) &&
    (policy.matchOverseas === null || policy.matchOverseas === facts.overseas) &&
    (policy.matchMinCost === null || facts.estimatedCost >= policy.matchMinCost)
  );
}

export function matchingPolicy(
  policies: ApprovalPolicy[],
  facts: ChainFacts,
): ApprovalPolicy | undefined {
  return [...policies]
    .sort((a, b) => a.priority - b.priority)
    .find((policy) => policyMatches(policy, facts));
}

/** The paying owners in line order, each once, with what all their funds pay together. */
export function payingOwners(funds: PayingFund[]): PayingFund[] {
  const owners = new Map<string, PayingFund>();
  for (const fund of funds) {
    const seen = owners.get(fund.ownerUnitId);
    owners.set(fund.ownerUnitId, seen ? { ...seen, amount: seen.amount + fund.amount } : fund);
  }
  return [...owners.values()];
}

/** The owners a fund-owner step applies to, after its amount and tier options. */
export function ownersForStep(step: PolicyStep, facts: ChainFacts): PayingFund[] {
  const minimum = step.minFundAmount === undefined ? null : BigInt(step.minFundAmount);
  return payingOwners(facts.funds).filter(
    (owner) =>
      (minimum === null || owner.amount >= minimum) &&
      (!step.onlyHigherTier || owner.ownerTierLevel < facts.managingTierLevel),
  );
}

const sameSeat = (a: Omit<ResolvedStep, 'position'>, b: Omit<ResolvedStep, 'position'>) =>
  a.role === b.role && a.authorityId === b.authorityId && a.unitId === b.unitId;

/**
 * The steps of a policy for these facts. A fund-owner step becomes one step per paying owner
 * it applies to (none when its options leave none); a fund-owner step that repeats an
 * earlier step's role and seat is dropped, since one person never acts on two steps.
 */
export function resolveSteps(policy: ApprovalPolicy, facts: ChainFacts): ResolvedStep[] {
  const steps: Array<Omit<ResolvedStep, 'position'>> = [];
  for (const step of policy.steps) {
    const committee = step.committee ?? null;
    if (step.authority !== 'fund_owner') {
      const authorityId =
        step.authority === 'named' ? step.authorityId! : facts.managingAuthorityId;
      steps.push({ role: step.role, authorityId, unitId: null, committee });
      continue;
    }
    for (const owner of ownersForStep(step, facts)) {
      // Finance acts over the owner unit; a board role is the owner's Standing Committee, or
      // holders over the owner unit where it has none.
      const seat =
        step.role !== 'finance' && owner.ownerCommitteeAuthorityId
          ? { authorityId: owner.ownerCommitteeAuthorityId, unitId: null }
          : { authorityId: null, unitId: owner.ownerUnitId };
      const resolved = { role: step.role, ...seat, committee };
      if (!steps.some((earlier) => sameSeat(earlier, resolved))) steps.push(resolved);
    }
  }
  return steps.map((step, index) => ({ ...step, position: index + 1 }));
}
