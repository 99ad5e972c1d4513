export { BudgetModule } from './budget.module';
export { BudgetService, SETTLED_ELSEWHERE } from './budget.service';
export type { FundCheck, Override } from './budget.service';
export { validateCostSplit } from './cost-split';
export type { SplitFund } from './cost-split';
export { budgetEntities, FUND_POLICIES, FUND_SOURCES, LEDGER_KINDS } from './fund.entities';
export type { FundPolicy, FundSource, LedgerKind } from './fund.entities';
export { financeOverFund, fundScope, mayManageFunds, unusableFunds } from './fund-scope';
export { FundsService } from './funds.service';
export { FundQueries } from './fund-queries.service';
export type {
  FundFilter,
  FundSummaryRow,
  LedgerEntryView,
  LedgerFilter,
  ThresholdEventView,
} from './fund-queries.service';
export type { FundView } from './fund-view';
export { moveAllocationTo } from './allocation-target';
