export {
  DEMO_CATALOG_REFERENCE_DATE,
  DEMO_INTAKES,
  DEMO_PROGRAMS,
  DEMO_PROVIDERS,
} from './catalog-demo';
export { catalogDemoSeeder } from './catalog-demo.seeder';
