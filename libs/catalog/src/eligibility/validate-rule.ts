import type { FieldError } from '@app/common';
import {
  PROGRAM_CATEGORIES,
  QUALIFICATION_KINDS,
  QualificationKind,
  TARGET_GROUPS,
} from '../catalog-types';
import { RULE_KINDS, RuleKind } from './rule-kinds';

type Validator = (params: Record<string, unknown>) => string[];

const integerIn = (min: number, max: number) => (value: unknown) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const stringList = (value: unknown) =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((item) => typeof item === 'string' && item.length > 0);

/** The top of each scale: doctorate, advanced theory, senior specialist, level 6. */
const topLevel: Record<QualificationKind, number> = {
  education: 5,
  political_theory: 3,
  fostering: 3,
  foreign_language: 6,
};

const validators: Record<RuleKind, Validator> = {
  allowed_tiers: (p) =>
    stringList(p.tiers) ? [] : ['tiers must be a non-empty list of tier codes'],
  allowed_positions: (p) =>
    stringList(p.positions) ? [] : ['positions must be a non-empty list of position codes'],
  allowed_target_groups: (p) =>
    Array.isArray(p.groups) &&
    p.groups.length > 0 &&
    p.groups.every((g) => (TARGET_GROUPS as readonly unknown[]).includes(g))
      ? []
      : ['groups must be a non-empty list of 1, 2 and 3'],
  max_age: (p) => [
    ...(integerIn(18, 70)(p.years) ? [] : ['years must be an integer from 18 to 70']),
    ...(p.firstPostgraduateOnly === undefined || typeof p.firstPostgraduateOnly === 'boolean'
      ? []
      : ['firstPostgraduateOnly must be a boolean']),
  ],
  min_service_years: (p) =>
    integerIn(0, 40)(p.years) ? [] : ['years must be an integer from 0 to 40'],
  prerequisite: (p) => {
    if (!(QUALIFICATION_KINDS as readonly unknown[]).includes(p.kind)) {
      return [
        `kind must be one of ${QUALIFICATION_KINDS.join(', ')}`,
        ...(integerIn(1, 6)(p.level) ? [] : ['level must be an integer from 1 to 6']),
      ];
    }
    // A level above the top of its scale could never be met.
    const top = topLevel[p.kind as QualificationKind];
    return integerIn(1, top)(p.level) ? [] : [`level must be an integer from 1 to ${top}`];
  },
  min_language_overseas: (p) =>
    integerIn(1, 6)(p.level) ? [] : ['level must be an integer from 1 to 6'],
  not_already_qualified: () => [],
  no_overlapping_full_time: () => [],
  nomination_window_open: () => [],
};

const allowedKeys: Record<RuleKind, string[]> = {
  allowed_tiers: ['tiers'],
  allowed_positions: ['positions'],
  allowed_target_groups: ['groups'],
  max_age: ['years', 'firstPostgraduateOnly'],
  min_service_years: ['years'],
  prerequisite: ['kind', 'level'],
  min_language_overseas: ['level'],
  not_already_qualified: [],
  no_overlapping_full_time: [],
  nomination_window_open: [],
};

/** Every problem with a rule's kind and parameters, as field errors. */
export function validateRule(kind: string, params: unknown): FieldError[] {
  if (!(RULE_KINDS as string[]).includes(kind)) {
    return [
      {
        field: 'kind',
        message: `kind must be one of ${RULE_KINDS.join(', ')}`,
        code: 'UNKNOWN_RULE_KIND',
      },
    ];
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return [{ field: 'params', message: 'params must be an object', code: 'INVALID_PARAMS' }];
  }
  const ruleKind = kind as RuleKind;
  const values = params as Record<string, unknown>;
  const errors: FieldError[] = validators[ruleKind](values).map((message) => ({
    field: 'params',
    message,
    code: 'INVALID_PARAMS',
  }));
  for (const key of Object.keys(values)) {
    if (key === 'categories') {
      if (
        !Array.isArray(values.categories) ||
        // An empty list would make a rule that never applies, and never switches its kind off.
        values.categories.length === 0 ||
        !values.categories.every((c) => (PROGRAM_CATEGORIES as readonly unknown[]).includes(c))
      ) {
        errors.push({
          field: 'params.categories',
          message: 'categories must be a non-empty list of programme categories',
          code: 'INVALID_PARAMS',
        });
      }
    } else if (!allowedKeys[ruleKind].includes(key)) {
      errors.push({
        field: `params.${key}`,
        message: `${key} is not a parameter of ${kind}`,
        code: 'UNKNOWN_FIELD',
      });
    }
  }
  return errors;
}
