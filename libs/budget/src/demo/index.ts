export * from './budget-demo';
export * from './budget-demo.seeder';
