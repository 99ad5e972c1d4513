import { Module } from '@nestjs/common';

/** Eligibility rules, verdicts and recommended intakes. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class EligibilityHttpModule {}
