import { ReportsModule } from '@app/reports';
import { Module } from '@nestjs/common';
import { BudgetUsageController } from './budget-usage.controller';
import { ComplianceReportController } from './compliance-report.controller';

@Module({
  imports: [ReportsModule],
  controllers: [ComplianceReportController, BudgetUsageController],
})
export class ReportsHttpModule {}
