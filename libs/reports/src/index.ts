export * from './report-table';
export * from './reports.module';
export * from './scope';
export * from './compliance-snapshots.service';
export * from './compliance-report.service';
export * from './budget-usage.service';
