import { PROGRAM_CATEGORIES, ProgramCategory } from '@app/catalog';
import { ErrorCode, FieldError } from '@app/common';

export const TARGET_KINDS = ['participations', 'staff_share'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** participations: which participations count (all when empty). */
export interface ParticipationsFilter {
  categories?: ProgramCategory[];
  overseas?: boolean;
}

/** staff_share: whom the share is of, and what they must have to count as meeting it. */
export interface StaffShareFilter {
  population?: { leadership?: boolean; maxAge?: number; tierLevels?: number[] };
  condition: { minLanguageLevel?: number; minEducation?: number; minPoliticalTheory?: number };
}

export type TargetFilter = ParticipationsFilter | StaffShareFilter;

/** The largest target numeric(12, 2) holds. */
const MAX_TARGET_DIGITS = 10;
export const TARGET_PATTERN = /^(?=.*[1-9])\d{1,10}(\.\d{1,2})?$/;

/**
 * What is wrong with a target's fields, each with its field: a reversed period, a target
 * value out of range (a staff_share target is a percentage), a filter of the wrong shape.
 */
export function targetFieldErrors(fields: {
  kind: TargetKind;
  periodFrom: string;
  periodTo: string;
  target: string;
  filter: unknown;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (fields.periodTo < fields.periodFrom) {
    errors.push({
      field: 'periodTo',
      message: 'periodTo must be on or after periodFrom',
      code: 'PERIOD_REVERSED',
    });
  }
  if (!TARGET_PATTERN.test(fields.target)) {
    errors.push({
      field: 'target',
      message: `target must be a positive number of at most ${MAX_TARGET_DIGITS} digits and 2 decimals`,
      code: 'IS_POSITIVE_DECIMAL',
    });
  } else if (fields.kind === 'staff_share' && Number(fields.target) > 100) {
    errors.push({
      field: 'target',
      message: 'a staff_share target is a percentage, at most 100',
      code: 'MAX',
    });
  }
  errors.push(...targetFilterErrors(fields.kind, fields.filter));
  return errors;
}

type Check = (value: unknown, field: string) => FieldError[];

const fail = (field: string, message: string, code: ErrorCode): FieldError[] => [
  { field, message, code },
];

const integerBetween =
  (min: number, max: number): Check =>
  (value, field) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? []
      : fail(field, `${field} must be a whole number from ${min} to ${max}`, 'IS_INT');

const isBoolean: Check = (value, field) =>
  typeof value === 'boolean' ? [] : fail(field, `${field} must be true or false`, 'IS_BOOLEAN');

const listOf =
  (each: Check, max: number): Check =>
  (value, field) => {
    if (!Array.isArray(value)) return fail(field, `${field} must be an array`, 'IS_ARRAY');
    if (!value.length) return fail(field, `${field} must not be empty`, 'ARRAY_NOT_EMPTY');
    if (value.length > max) {
      return fail(field, `${field} must have at most ${max} items`, 'ARRAY_MAX_SIZE');
    }
    if (new Set(value).size !== value.length) {
      return fail(field, `${field} must not repeat a value`, 'ARRAY_UNIQUE');
    }
    return value.flatMap((item, index) => each(item, `${field}[${index}]`));
  };

const isCategory: Check = (value, field) =>
  PROGRAM_CATEGORIES.includes(value as ProgramCategory)
    ? []
    : fail(field, `${field} must be one of ${PROGRAM_CATEGORIES.join(', ')}`, 'IS_IN');

/** An object with only these keys, each checked; `required` keys must be present. */
const shape =
  (keys: Record<string, Check>, options: { required?: string[]; nonEmpty?: boolean } = {}) =>
  (value: unknown, field: string): FieldError[] => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(field, `${field} must be an object`, 'IS_OBJECT');
    }
    const errors: FieldError[] = [];
    for (const [key, item] of Object.entries(value)) {
      const at = `${field}.${key}`;
      if (!Object.hasOwn(keys, key)) {
        errors.push({
          field: at,
          message: `property ${key} should not exist`,
          code: 'UNKNOWN_FIELD',
        });
      } else {
        errors.push(...keys[key](item, at));
      }
    }
    for (const key of options.required ?? []) {
      if (!Object.hasOwn(value, key)) {
        errors.push({
          field: `${field}.${key}`,
          message: `${key} is required`,
          code: 'IS_DEFINED',
        });
      }
    }
    if (options.nonEmpty && !Object.keys(value).length) {
      errors.push({
        field,
        message: `${field} must name at least one requirement`,
        code: 'IS_NOT_EMPTY',
      });
    }
    return errors;
  };

const FILTER_SHAPES: Record<TargetKind, Check> = {
  participations: shape({
    categories: listOf(isCategory, PROGRAM_CATEGORIES.length),
    overseas: isBoolean,
  }),
  staff_share: shape(
    {
      population: shape({
        leadership: isBoolean,
        maxAge: integerBetween(18, 100),
        tierLevels: listOf(integerBetween(1, 20), 20),
      }),
      condition: shape(
        {
          minLanguageLevel: integerBetween(1, 6),
          minEducation: integerBetween(1, 5),
          minPoliticalTheory: integerBetween(1, 3),
        },
        { nonEmpty: true },
      ),
    },
    { required: ['condition'] },
  ),
};

/**
 * The filter's shape for its kind, strictly: unknown keys, wrong types and out-of-range
 * values are each reported, with the path of the field (`filter.population.maxAge`).
 */
export function targetFilterErrors(kind: TargetKind, filter: unknown): FieldError[] {
  return FILTER_SHAPES[kind](filter, 'filter');
}
