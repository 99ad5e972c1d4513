export * from './catalog-demo';
export * from './catalog-demo.seeder';
