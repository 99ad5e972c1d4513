export { STEP_AUTHORITIES, STEP_ROLES } from './chain';
export type { PolicyStep, StepAuthority, StepRole } from './chain';
export {
  allowedActionsFor,
  assertMayAct,
  delegationInForce,
  grantCoversStep,
} from './nomination-access';
export { countStepHolders, stepActorsSql } from './step-actors';
export { NominationQueries } from './nomination-queries.service';
export { NominationService } from './nomination.service';
export { NominationsModule } from './nominations.module';
export { ACTIONS, STATES } from './workflow/transitions';
export type { Action } from './workflow/transitions';
export { StartDueService } from './start-due.service';
export { activeDelegatedGrants } from './delegated-grants';
export type { DelegatedGrant } from './delegated-grants';
export { DELEGABLE_ROLES, DelegationsService } from './delegations.service';
export type { DelegableRole } from './delegations.service';
export { BulkNominations } from './nomination-bulk.service';
export { NAMED_HOLDERS } from './nomination-views';
export { ApprovalPoliciesService } from './approval-policies.service';
export type { PolicyFields } from './approval-policies.service';
export { NominationCopies } from './nomination-copy';
export { MeetingDecisions } from './meeting-decisions.service';
export { DecisionQueries } from './decision-queries.service';
export { ISSUE_AS } from './decision-numbers';
export type { IssueAs } from './decision-numbers';
