import { Actor, isAdmin } from '@app/access';
import { DomainError, FieldError } from '@app/common';

/** Providers and programmes are changed by administrators only. */
export function assertCatalogAdmin(actor: Actor): void {
  if (!isAdmin(actor)) {
    throw new DomainError('FORBIDDEN', 'forbidden', 'Only administrators may change this.');
  }
}

export function codeTaken(code: string): DomainError {
  return new DomainError('CODE_TAKEN', 'conflict', `The code ${code} is taken.`);
}

export function unknownReference(field: string, label: string): DomainError {
  return new DomainError('UNKNOWN_REFERENCE', 'unprocessable', `The ${label} does not exist.`, {
    errors: [{ field, message: `No such ${label}`, code: 'UNKNOWN_REFERENCE' }],
  });
}

export function fieldErrors(errors: FieldError[]) {
  return new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
    errors,
  });
}

/** `%` and `_` in a search term match themselves. */
export const escapeLike = (term: string) => term.replace(/[\\%_]/g, (char) => `\\${char}`);
