import { AccessModule } from '@app/access';
import { BudgetModule } from '@app/budget';
import { EligibilityModule } from '@app/catalog';
import { OrganizationModule } from '@app/organization';
import { Module } from '@nestjs/common';
import { ApprovalPoliciesService } from './approval-policies.service';
import { DelegationsService } from './delegations.service';
import { BulkNominations } from './nomination-bulk.service';
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
  ],
  exports: [
    NominationService,
    NominationQueries,
    StartDueService,
    DelegationsService,
    BulkNominations,
    ApprovalPoliciesService,
  ],
})
export class NominationsModule {}
