export * from './budget.module';
export * from './budget.service';
export * from './cost-split';
export * from './fund.entities';
