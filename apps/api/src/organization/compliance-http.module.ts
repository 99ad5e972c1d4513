import { Module } from '@nestjs/common';

/** Standards compliance summaries. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class ComplianceHttpModule {}
