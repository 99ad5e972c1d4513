export { historyDemoSeeder } from './history-demo.seeder';
