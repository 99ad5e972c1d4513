import { BudgetModule } from '@app/budget';
import { ReportsModule } from '@app/reports';
import { Module } from '@nestjs/common';
import { AdminOnlyGuard } from '../auth/admin-only.guard';
import { FundManagersGuard, FundsController } from './funds.controller';
import { ReconciliationController } from './reconciliation.controller';

/** Funds, their ledgers, summaries and reconciliation. */
@Module({
  imports: [BudgetModule, ReportsModule],
  controllers: [FundsController, ReconciliationController],
  providers: [FundManagersGuard, AdminOnlyGuard],
})
export class BudgetHttpModule {}
