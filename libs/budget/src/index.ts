export * from './budget.module';
export * from './budget.service';
export * from './cost-split';
export * from './fund.entities';
export * from './fund-scope';
export * from './funds.service';
export * from './allocation-target';
export * from './pipeline-warning';
