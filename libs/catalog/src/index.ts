export {
  FUNDING_SOURCES,
  PROGRAM_CATEGORIES,
  PROGRAM_MODES,
  QUALIFICATION_KINDS,
  TARGET_GROUPS,
} from './catalog-types';
export type {
  FundingSource,
  ProgramCategory,
  ProgramMode,
  QualificationKind,
} from './catalog-types';
export {
  catalogEntities,
  EligibilityRuleRecord,
  Program,
  Provider,
} from './entities/catalog.entities';
export type { EligibilityVerdict } from './eligibility/evaluate-eligibility';
export { RULE_KINDS } from './eligibility/rule-kinds';
export { validateRule } from './eligibility/validate-rule';
export { EligibilityRulesService, toRule } from './eligibility-rules.service';
export { EligibilityModule } from './eligibility.module';
export { EligibilityService } from './eligibility.service';
export { GRANTS_LEVEL_MAX, grantsErrors, intakeDateErrors } from './catalog-rules';
export { CatalogModule } from './catalog.module';
export { ProvidersService } from './providers.service';
export { ProgramsService } from './programs.service';
export { IntakesService } from './intakes.service';
export type { IntakeFields, IntakeView } from './intakes.service';
