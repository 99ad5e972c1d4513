import { DomainError } from '@app/common';
import type { EntityManager } from 'typeorm';
import type { State } from './workflow/transitions';

/**
 * The states in which a nomination holds (or is on its way to) a person's place in an
 * intake. A person has at most one nomination in these states per intake; the partial unique
 * index `nominations_one_active_per_intake` holds the rule in the database.
 */
export const ACTIVE_STATES: State[] = ['draft', 'in_review', 'returned', 'approved', 'in_training'];

const ACTIVE_INDEX = 'nominations_one_active_per_intake';

/**
 * Refuses a second active nomination of `nomineeStaffId` for `intakeId` (other than
 * `exceptId`), naming the one that exists. The database index catches the race this check
 * cannot; `writeNomination` translates it.
 */
export async function assertNoActiveNomination(
  manager: EntityManager,
  nomineeStaffId: string,
  intakeId: string,
  exceptId: string | null = null,
): Promise<void> {
  const [existing] = await manager.query(
    `SELECT id, reference FROM nominations
      WHERE nominee_staff_id = $1 AND intake_id = $2 AND status = ANY($3::text[])
        AND id IS DISTINCT FROM $4::uuid
      LIMIT 1`,
    [nomineeStaffId, intakeId, ACTIVE_STATES, exceptId],
  );
  if (existing) throw nominationExists(existing);
}

/**
 * Runs a write of a nomination row (its insert, or a change of its intake) and answers
 * the unique violation of the one-active-nomination index with its domain error: the one
 * place where the database's refusal becomes `NOMINATION_EXISTS`.
 */
export function writeNomination(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<Array<{ id: string }>> {
  return manager.query(sql, parameters).catch((error: unknown) => {
    throw activeNominationConflict(error);
  });
}

function activeNominationConflict(error: unknown): unknown {
  const driver =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ??
    (error as { code?: string; constraint?: string });
  return driver?.code === '23505' && driver.constraint === ACTIVE_INDEX
    ? nominationExists(null)
    : error;
}

function nominationExists(existing: { id: string; reference: string } | null): DomainError {
  const named = existing ? ` (${existing.reference})` : '';
  return new DomainError(
    'NOMINATION_EXISTS',
    'conflict',
    `This person already has an active nomination${named} for this intake; withdraw or cancel it first.`,
    {
      ...(existing
        ? { existingNominationId: existing.id, existingReference: existing.reference }
        : {}),
      errors: [
        {
          field: 'nomineeStaffId',
          message: existing
            ? `already nominated for this intake: ${existing.reference} (${existing.id})`
            : 'already nominated for this intake',
          code: 'NOMINATION_EXISTS',
          ...(existing ? { params: { existingReference: existing.reference } } : {}),
        },
      ],
    },
  );
}
