import { NominationsModule } from '@app/nominations';
import { Module } from '@nestjs/common';
import { DelegationsController } from './delegations.controller';
import { NominationsController } from './nominations.controller';
import { NominationsBulkController } from './nominations-bulk.controller';

@Module({
  imports: [NominationsModule],
  controllers: [NominationsBulkController, NominationsController, DelegationsController],
})
export class NominationsHttpModule {}
