import { BudgetModule } from '@app/budget';
import { Module } from '@nestjs/common';
import { BudgetUsageService } from './budget-usage.service';
import { ComplianceReportService } from './compliance-report.service';
import { ComplianceSnapshotsService } from './compliance-snapshots.service';
import { ImportedSpendService } from './imported-spend.service';
import { FundExportsService } from './fund-exports.service';
import { ParticipationsExportService } from './participations-export.service';
import { StandardGapsReportService } from './standard-gaps-report.service';
import { TargetProgressService } from './target-progress.service';
import { TargetsService } from './targets.service';
import { TrainingSummaryService } from './training-summary.service';
import { WorkflowPerformanceService } from './workflow-performance.service';

const services = [
  ComplianceSnapshotsService,
  ComplianceReportService,
  BudgetUsageService,
  ImportedSpendService,
  TrainingSummaryService,
  ParticipationsExportService,
  StandardGapsReportService,
  FundExportsService,
  TargetsService,
  TargetProgressService,
  WorkflowPerformanceService,
];

/**
 * Reports over live data: training participations and targets, standards compliance now
 * and at past dates, budget usage, and workflow performance. Each is scoped to the part of
 * the organization the caller's roles cover.
 */
@Module({
  imports: [BudgetModule],
  providers: services,
  exports: services,
})
export class ReportsModule {}
