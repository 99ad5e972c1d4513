import { Module } from '@nestjs/common';

/** Funds, their ledgers, summaries and reconciliation. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class BudgetHttpModule {}
