import { EligibilityModule } from '@app/catalog';
import { Module } from '@nestjs/common';
import { EligibilityController } from './eligibility.controller';

/** Eligibility rules, verdicts and recommended intakes. */
@Module({
  imports: [EligibilityModule],
  controllers: [EligibilityController],
})
export class EligibilityHttpModule {}
