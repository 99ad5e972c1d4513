import type { FieldError } from '@app/common';
import type { Actor } from '@app/access';
import type { QualificationKind } from './catalog-types';

/** The highest level each qualification scale has (levels start at 1). */
export const GRANTS_LEVEL_MAX: Record<QualificationKind, number> = {
  education: 5,
  political_theory: 3,
  fostering: 3,
  foreign_language: 6,
};

/** What a programme grants: both kind and level, or neither; the level within its scale. */
export function grantsErrors(kind: QualificationKind | null, level: number | null): FieldError[] {
  if ((kind === null) !== (level === null)) {
    return [
      {
        field: kind === null ? 'grantsKind' : 'grantsLevel',
        message: 'grantsKind and grantsLevel are given together or not at all',
        code: 'GRANTS_INCOMPLETE',
      },
    ];
  }
  if (kind !== null && level !== null) {
    const max = GRANTS_LEVEL_MAX[kind];
    if (!Number.isInteger(level) || level < 1 || level > max) {
      return [
        {
          field: 'grantsLevel',
          message: `grantsLevel for ${kind} must be from 1 to ${max}`,
          code: 'GRANTS_LEVEL_RANGE',
        },
      ];
    }
  }
  return [];
}

export interface IntakeDates {
  startsOn: string;
  endsOn: string;
  nominationOpensOn: string;
  nominationClosesOn: string;
}

/** The order of an intake's dates (YYYY-MM-DD compare as strings), as field errors. */
export function intakeDateErrors(dates: IntakeDates): FieldError[] {
  const errors: FieldError[] = [];
  if (dates.endsOn < dates.startsOn) {
    errors.push({
      field: 'endsOn',
      message: 'endsOn must be on or after startsOn',
      code: 'DATE_ORDER',
    });
  }
  if (dates.nominationClosesOn < dates.nominationOpensOn) {
    errors.push({
      field: 'nominationClosesOn',
      message: 'nominationClosesOn must be on or after nominationOpensOn',
      code: 'DATE_ORDER',
    });
  }
  if (dates.nominationClosesOn > dates.startsOn) {
    errors.push({
      field: 'nominationClosesOn',
      message: 'nominationClosesOn must be on or before startsOn',
      code: 'DATE_ORDER',
    });
  }
  return errors;
}

export interface QuotaSpec {
  tierId?: string | null;
  ownerUnitId?: string | null;
  seats: number;
}

/** Each quota names exactly one tier or one owner unit, and each target once. */
export function quotaShapeErrors(quotas: QuotaSpec[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  quotas.forEach((quota, index) => {
    const target = quota.tierId ?? quota.ownerUnitId ?? null;
    if (!quota.tierId === !quota.ownerUnitId) {
      errors.push({
        field: `quotas[${index}]`,
        message: 'a quota names either tierId or ownerUnitId',
        code: 'QUOTA_TARGET',
      });
    } else if (target && seen.has(target)) {
      errors.push({
        field: `quotas[${index}]`,
        message: 'a tier or owner unit has at most one quota per intake',
        code: 'DUPLICATE_QUOTA',
      });
    }
    if (target) seen.add(target);
  });
  return errors;
}

export const quotaSeats = (quotas: { seats: number }[]) =>
  quotas.reduce((sum, quota) => sum + quota.seats, 0);

/**
 * Who may create or change an intake managed by `authorityId`: administrators, and board
 * reviewers whose grant is over that very authority. An intake without an authority is for
 * administrators only.
 */
export function mayManageIntake(actor: Actor, authorityId: string | null): boolean {
  return actor.grants.some(
    (grant) =>
      grant.role === 'admin' ||
      (grant.role === 'board_reviewer' &&
        authorityId !== null &&
        grant.authorityId === authorityId),
  );
}
