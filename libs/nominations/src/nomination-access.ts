import { Actor, forbidden, Grant, isAdmin } from '@app/access';
import { financeOverFund } from '@app/budget';
import { DomainError } from '@app/common';
import type { DelegatedGrant } from './delegated-grants';
import type { NominationRecord, StepRecord } from './nomination-records';
import { Action, allowedActions, partiesFor, Party } from './workflow/transitions';

/** A frozen step and where its authority sits in the tree, for deciding who may act on it. */
export interface StepSeat {
  role: 'board_reviewer' | 'board_member' | 'finance';
  authorityId: string | null;
  /** The path of the authority's unit (board steps) or of the fund owner unit (finance). */
  unitPath: string;
}

// Who may act on a step, in TypeScript: `grantCoversStep`, `delegationInForce` and
// `assertMayAct` (which says why not). Its SQL form is `step-actors.ts`; a test
// (test/medium/step-actors.medium-spec.ts) keeps the two in agreement.

/** A delegation as the rule reads it, with the facts about its two users. */
export interface DelegationFacts {
  startsOn: string;
  endsOn: string;
  revoked: boolean;
  fromUserActive: boolean;
  toUserActive: boolean;
  /** The delegator still holds the lent grant (same role and scope). */
  fromUserHoldsGrant: boolean;
}

/**
 * A delegation is in force on `today` (YYYY-MM-DD): not revoked, within its days (both
 * included), between two active users, while the delegator still holds the grant.
 */
export const delegationInForce = (delegation: DelegationFacts, today: string): boolean =>
  !delegation.revoked &&
  delegation.startsOn <= today &&
  today <= delegation.endsOn &&
  delegation.fromUserActive &&
  delegation.toUserActive &&
  delegation.fromUserHoldsGrant;

/**
 * Whether a grant lets its holder act on a step: the same role, over the step's authority
 * (authority-scoped grant) or over a unit subtree containing it (unit-scoped grant).
 */
export function grantCoversStep(grant: Grant, step: StepSeat): boolean {
  if (grant.role !== step.role) return false;
  if (step.authorityId && grant.authorityId === step.authorityId) return true;
  return grant.unitPath !== null && step.unitPath.startsWith(grant.unitPath);
}

export const mayActOnStep = (actor: Actor, step: StepSeat): boolean =>
  actor.grants.some((grant) => grantCoversStep(grant, step));

/** Unit heads nominate staff of their subtree; administrators may too. */
export function mayNominate(actor: Actor, nomineeUnitPath: string): boolean {
  return (
    isAdmin(actor) ||
    actor.grants.some(
      (grant) =>
        grant.role === 'unit_head' &&
        grant.unitPath !== null &&
        nomineeUnitPath.startsWith(grant.unitPath),
    )
  );
}

/**
 * Whether this actor (null: the system) may take this action on the nomination now; throws
 * the coded reason. The transition table says whether the action exists in the state at
 * all, and which parties may take it: the actor must be one of them. When none accepts, the
 * refusal given is the last party's (for completion, the deciding side's).
 */
export function assertMayAct(
  actor: Actor | null,
  nomination: NominationRecord,
  action: Action,
  step: StepRecord | undefined,
  steps: StepRecord[],
  delegated: DelegatedGrant[] = [],
): { onBehalfOf: string | null } {
  const parties = partiesFor(nomination.status, action);
  if (!actor) {
    if (parties.includes('system')) return { onBehalfOf: null };
    throw forbidden(`Only a person may ${action} a nomination.`);
  }
  const people = parties.filter((party) => party !== 'system');
  if (!people.length) throw forbidden(`Nobody may ${action} this nomination now.`);
  let refusal: unknown;
  for (const party of people) {
    try {
      return MAY_ACT_AS[party](actor, nomination, step, steps, delegated);
    } catch (error) {
      refusal = error;
    }
  }
  throw refusal;
}

/** The actions this caller may take now: allowed by the table and by who they are. */
export function allowedActionsFor(
  actor: Actor,
  nomination: NominationRecord,
  steps: StepRecord[],
  delegated: DelegatedGrant[],
): Action[] {
  const step = steps.find((candidate) => candidate.position === nomination.currentStep);
  return allowedActions(nomination.status).filter((action) => {
    try {
      assertMayAct(actor, nomination, action, step, steps, delegated);
      return true;
    } catch {
      return false;
    }
  });
}

type PartyRule = (
  actor: Actor,
  nomination: NominationRecord,
  step: StepRecord | undefined,
  steps: StepRecord[],
  delegated: DelegatedGrant[],
) => { onBehalfOf: string | null };

/** Each party of the table (but the system) as a rule that accepts the actor or says why not. */
const MAY_ACT_AS: Record<Exclude<Party, 'system'>, PartyRule> = {
  nominator: (actor, nomination) => {
    if (!mayNominate(actor, nomination.nomineeUnitPath))
      throw forbidden('Only the nominating side may do this.');
    return { onBehalfOf: null };
  },
  step_holder: (actor, nomination, step, steps, delegated) => {
    if (step && mayActOnStep(actor, step)) {
      assertMayDecide([actor], nomination, step, steps);
      return { onBehalfOf: null };
    }
    // Without a grant of their own, a delegate acts on behalf of whoever lent them one.
    const lent = step ? delegated.filter((entry) => grantCoversStep(entry.grant, step)) : [];
    if (!step || !lent.length) {
      throw new DomainError(
        'NOT_YOUR_STEP',
        'forbidden',
        'The current step is for another role or authority.',
      );
    }
    let refusal: unknown;
    for (const entry of lent) {
      try {
        const delegator = { userId: entry.fromUserId, staffId: entry.fromStaffId };
        assertMayDecide([actor, delegator], nomination, step, steps);
        return { onBehalfOf: entry.fromUserId };
      } catch (error) {
        refusal ??= error;
      }
    }
    throw refusal;
  },
  fund_finance: (actor, nomination) => {
    if (!nomination.fundOwnerPaths.some((ownerPath) => financeOverFund(actor, ownerPath)))
      throw forbidden('Only finance over a fund of this nomination may do this.');
    return { onBehalfOf: null };
  },
  decider: (actor, _nomination, _step, steps) => {
    const last = steps[steps.length - 1];
    if (!isAdmin(actor) && !(last && mayActOnStep(actor, last)))
      throw forbidden('Only the deciding authority may do this.');
    return { onBehalfOf: null };
  },
};

/**
 * The nominee and the nominator cannot decide, and nobody acts on two steps (as themselves
 * or on someone's behalf). Applies to the one who acts and to whoever they act for.
 */
function assertMayDecide(
  people: Array<{ userId: string; staffId: string | null }>,
  nomination: NominationRecord,
  step: StepRecord,
  steps: StepRecord[],
) {
  if (
    people.some(
      (person) =>
        person.userId === nomination.nominatorUserId ||
        (person.staffId !== null && person.staffId === nomination.nomineeStaffId),
    )
  ) {
    throw new DomainError(
      'CONFLICT_OF_INTEREST',
      'forbidden',
      'The nominee and the nominator cannot decide on this nomination.',
    );
  }
  if (
    steps.some(
      (other) =>
        other.position !== step.position &&
        other.state === 'approved' &&
        people.some(
          (person) => other.actedBy === person.userId || other.onBehalfOf === person.userId,
        ),
    )
  ) {
    throw new DomainError(
      'ALREADY_ACTED',
      'forbidden',
      'One person may act on one step of a nomination only.',
    );
  }
}
