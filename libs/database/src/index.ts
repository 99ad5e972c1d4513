export * from './database.module';
export * from './data-source-options';
export * from './migrator';
export * from './preflight';
export * from './seed/seeder';
export * from './seed/seed-demo-data';
export * from './work-contexts';
export * from './sql';
