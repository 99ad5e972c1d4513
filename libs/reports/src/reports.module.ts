import { BudgetModule } from '@app/budget';
import { Module } from '@nestjs/common';

/**
 * Reports over live data: training participations and targets, standards compliance now
 * and at past dates, budget usage, and workflow performance. Each is scoped to the part of
 * the organization the caller's roles cover.
 */
@Module({
  imports: [BudgetModule],
  providers: [],
  exports: [],
})
export class ReportsModule {}
