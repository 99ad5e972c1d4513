import { NominationsModule } from '@app/nominations';
import { Module } from '@nestjs/common';
import { IdempotencyService } from '../http/idempotency.service';
import { DelegationsController } from './delegations.controller';
import { NominationsController } from './nominations.controller';
import { NominationsBulkController } from './nominations-bulk.controller';

@Module({
  imports: [NominationsModule],
  controllers: [NominationsBulkController, NominationsController, DelegationsController],
  providers: [IdempotencyService],
})
export class NominationsHttpModule {}
