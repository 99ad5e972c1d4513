import { ReportsModule } from '@app/reports';
import { Module } from '@nestjs/common';
import { BudgetUsageController } from './budget-usage.controller';
import { ComplianceReportController } from './compliance-report.controller';
import { StandardGapsController } from './standard-gaps.controller';
import { TargetsController, TargetsReportController } from './targets.controller';
import { TrainingReportsController } from './training.controller';
import { WorkflowPerformanceController } from './workflow-performance.controller';

@Module({
  imports: [ReportsModule],
  controllers: [
    ComplianceReportController,
    BudgetUsageController,
    TrainingReportsController,
    TargetsController,
    TargetsReportController,
    WorkflowPerformanceController,
    StandardGapsController,
  ],
})
export class ReportsHttpModule {}
