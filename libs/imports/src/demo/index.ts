export * from './history-demo';
export * from './history-demo.seeder';
