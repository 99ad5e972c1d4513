import type { ProgramCategory, QualificationKind, TargetGroup } from '../catalog-types';

/** The parameters of each kind of rule. `categories`, when given, limits a rule to those programmes. */
export interface RuleParams {
  allowed_tiers: { tiers: string[] };
  allowed_positions: { positions: string[] };
  allowed_target_groups: { groups: TargetGroup[] };
  max_age: { years: number; firstPostgraduateOnly?: boolean };
  min_service_years: { years: number };
  prerequisite: { kind: QualificationKind; level: number };
  min_language_overseas: { level: number };
  not_already_qualified: Record<string, never>;
  no_overlapping_full_time: Record<string, never>;
  nomination_window_open: Record<string, never>;
}
export type RuleKind = keyof RuleParams;

/** Reports list failures in this order, whatever order the rules are stored in. */
export const RULE_KINDS: RuleKind[] = [
  'nomination_window_open',
  'allowed_tiers',
  'allowed_positions',
  'allowed_target_groups',
  'max_age',
  'min_service_years',
  'prerequisite',
  'min_language_overseas',
  'not_already_qualified',
  'no_overlapping_full_time',
];

export interface EligibilityRule<K extends RuleKind = RuleKind> {
  id: string;
  kind: K;
  params: RuleParams[K] & { categories?: ProgramCategory[] };
  enabled: boolean;
  /** Where it is defined: more specific levels replace the rules of the same kind above. */
  level: 'default' | 'program' | 'intake';
}
