export * from './database.module';
export * from './data-source-options';
export * from './migrator';
export * from './preflight';
