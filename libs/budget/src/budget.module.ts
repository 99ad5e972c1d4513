import { Module } from '@nestjs/common';
import { BudgetService } from './budget.service';
import { FundsService } from './funds.service';

@Module({ providers: [BudgetService, FundsService], exports: [BudgetService, FundsService] })
export class BudgetModule {}
