import type { FieldError } from '@app/common';
import type { PolicyStep } from './chain';
import { committeeRuleErrors } from './committee';

/** Money as JSON carries it: whole VND in decimal digits, no sign or leading zero. */
export const VND_DIGITS = /^(0|[1-9][0-9]{0,17})$/;

/** What a named authority looks like to the rules: does it exist, is it active. */
export interface AuthorityFacts {
  id: string;
  active: boolean;
}

/**
 * Every problem with a policy's steps, each at its field (`steps[1].authorityId`) with a
 * stable code. `authorities` are the named authorities that exist (active or not).
 */
export function policyStepErrors(
  steps: PolicyStep[],
  authorities: Map<string, AuthorityFacts>,
): FieldError[] {
  const errors: FieldError[] = [];
  steps.forEach((step, index) => {
    const at = (field: string) => `steps[${index}].${field}`;
    if (step.authority === 'named') {
      const authority = step.authorityId ? authorities.get(step.authorityId) : undefined;
      if (!step.authorityId) {
        errors.push({
          field: at('authorityId'),
          message: 'a named authority step needs authorityId',
          code: 'AUTHORITY_REQUIRED',
        });
      } else if (!authority) {
        errors.push({
          field: at('authorityId'),
          message: `no management authority ${step.authorityId}`,
          code: 'UNKNOWN_AUTHORITY',
        });
      } else if (!authority.active) {
        errors.push({
          field: at('authorityId'),
          message: 'the management authority is not active',
          code: 'AUTHORITY_INACTIVE',
        });
      }
    } else if (step.authorityId !== undefined) {
      errors.push({
        field: at('authorityId'),
        message: 'authorityId is for named authority steps only',
        code: 'NOT_APPLICABLE',
      });
    }
    if (step.committee !== undefined) {
      for (const message of committeeRuleErrors(step.committee)) {
        errors.push({ field: at('committee'), message, code: 'INVALID_COMMITTEE' });
      }
    }
    for (const option of ['minFundAmount', 'onlyHigherTier'] as const) {
      if (step[option] !== undefined && step.authority !== 'fund_owner') {
        errors.push({
          field: at(option),
          message: `${option} is for fund_owner steps only`,
          code: 'NOT_APPLICABLE',
        });
      }
    }
  });
  return errors;
}

/** Where a step of a saved policy sits today, for the warnings: known only for some steps. */
export function knownSeatOf(
  step: PolicyStep,
  matchAuthorityId: string | null,
): { authorityId: string } | null {
  if (step.authority === 'named' && step.authorityId) return { authorityId: step.authorityId };
  // The managing authority is known when the policy matches one authority only.
  if (step.authority === 'managing' && matchAuthorityId) return { authorityId: matchAuthorityId };
  return null;
}
