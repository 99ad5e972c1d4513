import { OrganizationModule } from '@app/organization';
import { Module } from '@nestjs/common';
import { EligibilityRulesService } from './eligibility-rules.service';
import { EligibilityService } from './eligibility.service';

@Module({
  imports: [OrganizationModule],
  providers: [EligibilityRulesService, EligibilityService],
  exports: [EligibilityRulesService, EligibilityService],
})
export class EligibilityModule {}
