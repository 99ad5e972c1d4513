import type { CommitteeRule } from './committee';

/**
 * Approval chains by policy. Policies are tried in priority order; the first whose every
 * given condition matches the nomination gives the steps, which are then frozen on the
 * nomination, so a later policy change never reshapes nominations in flight.
 */
export type StepRole = 'board_reviewer' | 'board_member' | 'finance';

export interface PolicyStep {
  role: StepRole;
  authority: 'managing' | 'named' | 'fund_owner';
  authorityId?: string;
  /** The role holders decide together (see committee.ts). */
  committee?: CommitteeRule;
}

export interface ApprovalPolicy {
  id: string;
  priority: number;
  name: string;
  matchAuthorityId: string | null;
  matchTierId: string | null;
  matchCategories: string[] | null;
  matchOverseas: boolean | null;
  matchMinCost: bigint | null;
  steps: PolicyStep[];
}

export interface ChainFacts {
  managingAuthorityId: string;
  tierId: string;
  category: string;
  overseas: boolean;
  estimatedCost: bigint;
  /** Owner units of the funds paying, in line order. */
  fundOwnerUnitIds: string[];
}

/** One frozen step: a role over a management authority, or (finance) over a fund owner unit. */
export interface ResolvedStep {
  position: number;
  role: StepRole;
  authorityId: string | null;
  unitId: string | null;
  committee: CommitteeRule | null;
}

export function matchingPolicy(
  policies: ApprovalPolicy[],
  facts: ChainFacts,
): ApprovalPolicy | undefined {
  return [...policies]
    .sort((a, b) => a.priority - b.priority)
    .find(
      (policy) =>
        (policy.matchAuthorityId === null ||
          policy.matchAuthorityId === facts.managingAuthorityId) &&
        (policy.matchTierId === null || policy.matchTierId === facts.tierId) &&
        (policy.matchCategories === null || policy.matchCategories.includes(facts.category)) &&
        (policy.matchOverseas === null || policy.matchOverseas === facts.overseas) &&
        (policy.matchMinCost === null || facts.estimatedCost >= policy.matchMinCost),
    );
}

/** The steps of a policy for these facts; a fund-owner step becomes one step per owner. */
export function resolveSteps(policy: ApprovalPolicy, facts: ChainFacts): ResolvedStep[] {
  const steps = policy.steps.flatMap((step): Array<Omit<ResolvedStep, 'position'>> => {
    if (step.authority === 'fund_owner') {
      return [...new Set(facts.fundOwnerUnitIds)].map((unitId) => ({
        role: step.role,
        authorityId: null,
        unitId,
        committee: step.committee ?? null,
      }));
    }
    const authorityId = step.authority === 'named' ? step.authorityId! : facts.managingAuthorityId;
    return [{ role: step.role, authorityId, unitId: null, committee: step.committee ?? null }];
  });
  return steps.map((step, index) => ({ ...step, position: index + 1 }));
}
