import { Ctx } from '@app/access';
import { FundQueries } from '@app/budget';
import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminOnlyGuard } from '../auth/admin-only.guard';
import { CurrentContext } from '../auth/auth.decorators';
import { ProblemDto } from '../http/problem';
import { ReconciliationDto, ReconciliationDifferenceDto } from './funds.dto';

/** Fund balances recomputed from the ledger (also `npm run reconcile`). Administrators only. */
@ApiTags('budget')
@ApiBearerAuth()
@Controller('admin/reconciliation')
@UseGuards(AdminOnlyGuard)
export class ReconciliationController {
  constructor(private readonly funds: FundQueries) {}

  @Get()
  @ApiOkResponse({ type: ReconciliationDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN' })
  async reconcile(@CurrentContext() ctx: Ctx): Promise<ReconciliationDto> {
    const differences = (await this.funds.reconcile(
      ctx,
    )) as unknown as ReconciliationDifferenceDto[];
    return { differences };
  }
}
