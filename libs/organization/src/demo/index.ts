export * from './names';
export * from './organization-demo.seeder';
export * from './plan';
export * from './random';
export * from './structure';
