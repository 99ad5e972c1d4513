import { AccessModule } from '@app/access';
import { BudgetModule } from '@app/budget';
import { EligibilityModule } from '@app/catalog';
import { OrganizationModule } from '@app/organization';
import { Module } from '@nestjs/common';
import { ApprovalPoliciesService } from './approval-policies.service';
import { DelegationsService } from './delegations.service';
import { BulkNominations } from './nomination-bulk.service';
import { NominationCopies } from './nomination-copy';
import { MeetingDecisions } from './meeting-decisions.service';
import { DecisionQueries } from './decision-queries.service';
import { NominationQueries } from './nomination-queries.service';
import { NominationService } from './nomination.service';
import { StartDueService } from './start-due.service';
import { SubmissionChecks } from './submission';

@Module({
  imports: [AccessModule, OrganizationModule, EligibilityModule, BudgetModule],
  providers: [
    NominationService,
    NominationQueries,
    SubmissionChecks,
    StartDueService,
    DelegationsService,
    BulkNominations,
    ApprovalPoliciesService,
    NominationCopies,
    MeetingDecisions,
    DecisionQueries,
  ],
  exports: [
    NominationService,
    NominationQueries,
    StartDueService,
    DelegationsService,
    BulkNominations,
    ApprovalPoliciesService,
    NominationCopies,
    MeetingDecisions,
    DecisionQueries,
  ],
})
export class NominationsModule {}
