export * from './catalog-types';
export * from './entities/catalog.entities';
export * from './eligibility/evaluate-eligibility';
export * from './eligibility/rule-kinds';
export * from './eligibility/validate-rule';
