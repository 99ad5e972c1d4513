export * from './report-table';
