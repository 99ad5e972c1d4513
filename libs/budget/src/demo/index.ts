export { buildDemoFunds } from './budget-demo';
export { budgetDemoSeeder } from './budget-demo.seeder';
