export { organizationEntities, StaffMember, Unit } from './entities';
export { EMPLOYMENT_STATUSES, GENDERS, UNIT_KINDS } from './levels';
export { toSearchName } from './search-name';
export {
  describeGapVi,
  MEETS_STANDARD_SQL,
  REQUIREMENTS,
  standardGaps,
  UNMET_SQL,
} from './standard-gap';
export type { PositionStandard, Qualifications, Requirement, StandardGap } from './standard-gap';
export { OrganizationModule } from './organization.module';
export { PositionsService } from './positions.service';
export { StaffService } from './staff.service';
export type { QualificationScale } from './staff.service';
export { UnitsService } from './units.service';
export {
  COMPLIANCE_COUNTS_SQL,
  ComplianceService,
  COUNTED_STAFF_SQL,
  DIRECT_CHILD_GROUP_SQL,
} from './compliance.service';
