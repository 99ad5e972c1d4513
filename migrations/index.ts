import { Foundation1764122400000 } from './1764122400000-foundation';
import { Organization1764126000000 } from './1764126000000-organization';
import { Catalog1764129600000 } from './1764129600000-catalog';
import { Budget1764133200000 } from './1764133200000-budget';
import { Nominations1764136800000 } from './1764136800000-nominations';
import { NominationExtras1764140400000 } from './1764140400000-nomination-extras';
import { SeatQuotasTaken1764144000000 } from './1764144000000-seat-quotas-taken';
import { NominationListIndex1764147600000 } from './1764147600000-nomination-list-index';
import { Notifications1764151200000 } from './1764151200000-notifications';
import { Reports1764154800000 } from './1764154800000-reports';
import { ReportIndexes1764158400000 } from './1764158400000-report-indexes';
import { WorkflowReportIndexes1764162000000 } from './1764162000000-workflow-report-indexes';
import { ReportBenchIndexes1764165600000 } from './1764165600000-report-bench-indexes';
import { ParticipationListIndex1764169200000 } from './1764169200000-participation-list-index';
import { FundPipelineNomination1764172800000 } from './1764172800000-fund-pipeline-nomination';
import { OneActiveNomination1764176400000 } from './1764176400000-one-active-nomination';
import { IntakeDates1764180000000 } from './1764180000000-intake-dates';
import { OutboxEventUids1764187200000 } from './1764187200000-outbox-event-uids';
import { KeptBudgetOverride1764198000000 } from './1764198000000-kept-budget-override';
import { ApprovalPolicyVersions1764201600000 } from './1764201600000-approval-policy-versions';
import { UserInvitations1764205200000 } from './1764205200000-user-invitations';
import { TrainingHistory1764212400000 } from './1764212400000-training-history';
import { Decisions1764216000000 } from './1764216000000-decisions';
import { UnitAuthoritySearch1764219600000 } from './1764219600000-unit-authority-search';
import { FundPipelineWarning1764220600000 } from './1764220600000-fund-pipeline-warning';

/**
 * Migrations in the order they run. They are SQL written by hand, not generated from the
 * entities: the entities map only some of the tables, and the schema holds what they cannot
 * say (CHECK constraints, triggers, partial and trigram indexes). Create the empty class with
 * `npm run migration:create -- migrations/<name>`, write its `up` and `down`, and add it at the
 * end of this list.
 */
export const allMigrations: Function[] = [
  Foundation1764122400000,
  Organization1764126000000,
  Catalog1764129600000,
  Budget1764133200000,
  Nominations1764136800000,
  NominationExtras1764140400000,
  SeatQuotasTaken1764144000000,
  NominationListIndex1764147600000,
  Notifications1764151200000,
  Reports1764154800000,
  ReportIndexes1764158400000,
  WorkflowReportIndexes1764162000000,
  ReportBenchIndexes1764165600000,
  ParticipationListIndex1764169200000,
  FundPipelineNomination1764172800000,
  OneActiveNomination1764176400000,
  IntakeDates1764180000000,
  OutboxEventUids1764187200000,
  KeptBudgetOverride1764198000000,
  ApprovalPolicyVersions1764201600000,
  UserInvitations1764205200000,
  TrainingHistory1764212400000,
  Decisions1764216000000,
  UnitAuthoritySearch1764219600000,
  FundPipelineWarning1764220600000,
];
