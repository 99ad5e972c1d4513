export * from './http-client';
export * from './test-database';
export * from './test-env';
export * from './test-stack';
export * from './factories';
export * from './smtp';
export * from './redis-process';
export * from './spreadsheets';
