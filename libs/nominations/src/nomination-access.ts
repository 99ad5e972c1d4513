import { Actor, Grant, isAdmin } from '@app/access';

/** A frozen step and where its authority sits in the tree, for deciding who may act on it. */
export interface StepSeat {
  role: 'board_reviewer' | 'board_member' | 'finance';
  authorityId: string | null;
  /** The path of the authority's unit (board steps) or of the fund owner unit (finance). */
  unitPath: string;
}

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
