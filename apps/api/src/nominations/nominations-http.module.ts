import { NominationsModule } from '@app/nominations';
import { Module } from '@nestjs/common';
import { IdempotencyService } from '../http/idempotency.service';
import { ApprovalPoliciesController } from './approval-policies.controller';
import { DecisionsController } from './decisions.controller';
import { DelegationsController } from './delegations.controller';
import { NominationsController } from './nominations.controller';
import { NominationsBulkController } from './nominations-bulk.controller';

@Module({
  imports: [NominationsModule],
  // DecisionsController first: its fixed path must win over the `:id` routes.
  controllers: [
    DecisionsController,
    NominationsBulkController,
    NominationsController,
    DelegationsController,
    ApprovalPoliciesController,
  ],
  providers: [IdempotencyService],
})
export class NominationsHttpModule {}
