export { DEMO_PASSWORD, organizationDemoSeeder } from './organization-demo.seeder';
export { SeededRandom } from './random';
export { CITY_ROOT, districtCommittee, DISTRICTS } from './structure';
