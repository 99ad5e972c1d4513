export { BOOLEAN_WORDS, columns } from './report-table';
export type { ColumnType, ReportResult, ReportTable } from './report-table';
export { ReportsModule } from './reports.module';
export { ComplianceSnapshotsService } from './compliance-snapshots.service';
export {
  ComplianceReportService,
  MAX_TREND_POINTS,
  TREND_PERIODS,
} from './compliance-report.service';
export type { TrendPeriod } from './compliance-report.service';
export { BudgetUsageService } from './budget-usage.service';
export {
  AGE_BANDS,
  PARTICIPATION_STATUSES,
  TrainingSummaryService,
} from './training-summary.service';
export type { ParticipationStatus } from './training-summary.service';
export { TARGET_KINDS, TARGET_PATTERN, TargetsService } from './targets.service';
export type { TargetChanges, TargetKind } from './targets.service';
export { WorkflowPerformanceService } from './workflow-performance.service';
export { ParticipationsExportService } from './participations-export.service';
export { GAP_TARGETS, StandardGapsReportService } from './standard-gaps-report.service';
export type { GapTarget } from './standard-gaps-report.service';
export { FundExportsService } from './fund-exports.service';
