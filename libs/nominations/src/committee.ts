/**
 * A committee step (the Standing Committee decides together): every member holding the
 * step's role over its authority may vote once; the step is decided when the quorum
 * approves, or rejected when a veto is configured and a member rejects, or when the
 * remaining members can no longer reach the quorum.
 */
export interface CommitteeRule {
  /** `majority`: more than half of the members; a number: at least that many approvals. */
  quorum: 'majority' | number;
  /** A single rejection rejects. */
  veto?: boolean;
}

export type CommitteeOutcome = 'pending' | 'approved' | 'rejected';

export function requiredApprovals(rule: CommitteeRule, members: number): number {
  return rule.quorum === 'majority' ? Math.floor(members / 2) + 1 : Math.min(rule.quorum, members);
}

export function committeeOutcome(
  rule: CommitteeRule,
  members: number,
  votes: { approve: number; reject: number },
): CommitteeOutcome {
  const needed = requiredApprovals(rule, members);
  if (rule.veto && votes.reject > 0) return 'rejected';
  if (votes.approve >= needed) return 'approved';
  const undecided = members - votes.approve - votes.reject;
  return votes.approve + undecided < needed ? 'rejected' : 'pending';
}

/** Every problem with a committee rule from a policy. */
export function committeeRuleErrors(rule: unknown): string[] {
  if (typeof rule !== 'object' || rule === null) return ['committee must be an object'];
  const { quorum, veto, ...rest } = rule as Record<string, unknown>;
  const errors: string[] = [];
  if (
    quorum !== 'majority' &&
    !(Number.isInteger(quorum) && (quorum as number) >= 1 && (quorum as number) <= 50)
  ) {
    errors.push('committee.quorum must be "majority" or an integer from 1 to 50');
  }
  if (veto !== undefined && typeof veto !== 'boolean')
    errors.push('committee.veto must be a boolean');
  for (const key of Object.keys(rest)) errors.push(`committee.${key} is not a committee setting`);
  return errors;
}
