export * from './report-table';
export * from './reports.module';
export * from './scope';
