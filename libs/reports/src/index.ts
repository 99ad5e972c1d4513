export { BOOLEAN_WORDS, columns } from './report-table';
export type { ColumnType, ReportResult, ReportTable } from './report-table';
export { ReportsModule } from './reports.module';
export { ComplianceSnapshotsService } from './compliance-snapshots.service';
export { ComplianceReportService } from './compliance-report.service';
export { MAX_TREND_POINTS, TREND_PERIODS } from './compliance-report.types';
export type { TrendPeriod } from './compliance-report.types';
export { BudgetUsageService } from './budget-usage.service';
export {
  AGE_BANDS,
  PARTICIPATION_STATUSES,
  TrainingSummaryService,
} from './training-summary.service';
export type { ParticipationStatus } from './training-summary.service';
export { TargetsService } from './targets.service';
export type { TargetChanges } from './targets.service';
export { TARGET_KINDS, TARGET_PATTERN } from './target-filters';
export type { TargetKind } from './target-filters';
export { WorkflowPerformanceService } from './workflow-performance.service';
export { ParticipationsExportService } from './participations-export.service';
export { GAP_TARGETS, StandardGapsReportService } from './standard-gaps-report.service';
export type { GapTarget } from './standard-gaps-report.service';
export { FundExportsService } from './fund-exports.service';
export { TargetProgressService } from './target-progress.service';
