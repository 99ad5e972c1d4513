import type { EntityManager } from 'typeorm';
import { ApprovalPolicy, ChainFacts, matchingPolicy, ResolvedStep, resolveSteps } from './chain';
import { listStepHolders } from './step-actors';

/**
 * The chain as submission resolves it, shared with the policy preview so the two cannot
 * differ: the active policies, the facts of a nomination read from the database, the
 * matching policy, its steps and who holds each step today.
 */

const POLICY_COLUMNS = `p.id, p.priority, p.name, p.match_authority_id AS "matchAuthorityId",
  p.match_tier_id AS "matchTierId", p.match_fund_owner_tier_id AS "matchFundOwnerTierId",
  p.match_categories AS "matchCategories", p.match_overseas AS "matchOverseas",
  p.match_min_cost::text AS "matchMinCost", p.steps`;

type PolicyRow = Omit<ApprovalPolicy, 'matchMinCost'> & { matchMinCost: string | null };

export const toPolicy = (row: PolicyRow): ApprovalPolicy => ({
  ...row,
  matchMinCost: row.matchMinCost === null ? null : BigInt(row.matchMinCost),
});

export async function loadActivePolicies(manager: EntityManager): Promise<ApprovalPolicy[]> {
  const rows: PolicyRow[] = await manager.query(
    `SELECT ${POLICY_COLUMNS} FROM approval_policies p WHERE p.active`,
  );
  return rows.map(toPolicy);
}

export interface NominationChainInput {
  managingAuthorityId: string;
  /** The nominee's unit tier. */
  tierId: string;
  category: string;
  overseas: boolean;
  estimatedCost: bigint;
  lines: Array<{ fundId: string; amount: bigint }>;
}

/** The facts a policy is matched on: the input, plus the tiers and owners it implies. */
export async function loadChainFacts(
  manager: EntityManager,
  input: NominationChainInput,
): Promise<ChainFacts> {
  const [managing] = await manager.query(
    `SELECT t.level FROM management_authorities a JOIN units u ON u.id = a.unit_id
       JOIN tiers t ON t.id = u.tier_id WHERE a.id = $1`,
    [input.managingAuthorityId],
  );
  const owners: Array<{
    fundId: string;
    ownerUnitId: string;
    ownerTierId: string;
    ownerTierLevel: number;
    ownerCommitteeAuthorityId: string | null;
  }> = input.lines.length
    ? await manager.query(
        `SELECT f.id AS "fundId", f.owner_unit_id AS "ownerUnitId", u.tier_id AS "ownerTierId",
                t.level AS "ownerTierLevel",
                (SELECT a.id FROM management_authorities a
                  WHERE a.unit_id = f.owner_unit_id AND a.kind = 'standing_committee' AND a.active
                  ORDER BY a.code LIMIT 1) AS "ownerCommitteeAuthorityId"
           FROM funds f JOIN units u ON u.id = f.owner_unit_id JOIN tiers t ON t.id = u.tier_id
          WHERE f.id = ANY($1::uuid[])`,
        [input.lines.map((line) => line.fundId)],
      )
    : [];
  const byFund = new Map(owners.map((owner) => [owner.fundId, owner]));
  return {
    managingAuthorityId: input.managingAuthorityId,
    // An authority always sits in a unit; a missing one reads as the lowest tier.
    managingTierLevel: managing?.level ?? Number.MAX_SAFE_INTEGER,
    tierId: input.tierId,
    category: input.category,
    overseas: input.overseas,
    estimatedCost: input.estimatedCost,
    funds: input.lines.flatMap((line) => {
      const owner = byFund.get(line.fundId);
      if (!owner) return [];
      const { fundId: _fundId, ...fund } = owner;
      return [{ ...fund, amount: line.amount }];
    }),
  };
}

export interface HeldStep extends ResolvedStep {
  holders: Array<{ userId: string; name: string; email: string }>;
}

/** The matching policy and its steps with today's holders; no policy gives no steps. */
export async function resolveChain(
  manager: EntityManager,
  facts: ChainFacts,
  today: string,
): Promise<{ policy: ApprovalPolicy | undefined; steps: HeldStep[] }> {
  const policy = matchingPolicy(await loadActivePolicies(manager), facts);
  if (!policy) return { policy, steps: [] };
  const steps: HeldStep[] = [];
  for (const step of resolveSteps(policy, facts)) {
    steps.push({ ...step, holders: await listStepHolders(manager, step, today) });
  }
  return { policy, steps };
}
