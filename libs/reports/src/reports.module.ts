import { BudgetModule } from '@app/budget';
import { Module } from '@nestjs/common';
import { BudgetUsageService } from './budget-usage.service';
import { ComplianceReportService } from './compliance-report.service';
import { ComplianceSnapshotsService } from './compliance-snapshots.service';

/**
 * Reports over live data: training participations and targets, standards compliance now
 * and at past dates, budget usage, and workflow performance. Each is scoped to the part of
 * the organization the caller's roles cover.
 */
@Module({
  imports: [BudgetModule],
  providers: [ComplianceSnapshotsService, ComplianceReportService, BudgetUsageService],
  exports: [ComplianceSnapshotsService, ComplianceReportService, BudgetUsageService],
})
export class ReportsModule {}
