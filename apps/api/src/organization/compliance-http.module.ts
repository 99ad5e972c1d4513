import { ComplianceService } from '@app/organization';
import { Module } from '@nestjs/common';
import { ComplianceController } from './compliance.controller';

/** Standards compliance summaries. */
@Module({
  imports: [],
  controllers: [ComplianceController],
  providers: [ComplianceService],
})
export class ComplianceHttpModule {}
