import { Module } from '@nestjs/common';
import { BudgetService } from './budget.service';
import { FundQueries } from './fund-queries.service';
import { FundsService } from './funds.service';

@Module({
  providers: [BudgetService, FundsService, FundQueries],
  exports: [BudgetService, FundsService, FundQueries],
})
export class BudgetModule {}
