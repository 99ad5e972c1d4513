import { Actor, Ctx, forbidden } from '@app/access';
import { AuditContext } from '@app/audit';
import { FundsService, mayManageFunds } from '@app/budget';
import { FundExportsService } from '@app/reports';
import { toVnd } from '@app/common';
import {
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  Get,
  Injectable,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AuditFrom,
  AuthenticatedRequest,
  CurrentActor,
  CurrentContext,
} from '../auth/auth.decorators';
import { toPage } from '../http/paging';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import {
  AcceptHeader,
  exportFormat,
  renderReport,
  XLSX_MEDIA_TYPE,
} from '../reports/export-format';
import {
  AdjustmentDto,
  AllocationDto,
  CreateFundDto,
  FundDto,
  FundPageDto,
  FundQueryDto,
  FundSummaryDto,
  LedgerPageDto,
  LedgerQueryDto,
  SummaryQueryDto,
  ThresholdEventPageDto,
  ThresholdEventQueryDto,
  toFundDto,
  toLedgerEntryDto,
  toThresholdEventDto,
  UpdateFundDto,
} from './funds.dto';

/**
 * Refuses callers who could create no fund at all (neither administrators nor finance over
 * a unit) before the body is validated. The service checks the owner unit.
 */
@Injectable()
export class FundManagersGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor || !mayManageFunds(actor)) {
      throw forbidden('Only administrators and finance may create funds.');
    }
    return true;
  }
}

const sorted = (thresholds: number[] | undefined) =>
  thresholds && [...thresholds].sort((a, b) => a - b);

/**
 * Training funds: balances, allocations and adjustments, the ledger, the summary and the
 * threshold events. What a caller sees is decided by `fundScope`; writes are for
 * administrators and finance over the fund's owner unit.
 */
@ApiTags('budget')
@ApiBearerAuth()
@Controller('funds')
export class FundsController {
  constructor(
    private readonly funds: FundsService,
    private readonly exports: FundExportsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Funds in scope with their balances and the money in review (pipeline).',
    description: 'CSV / XLSX (`format=` or Accept): every matching fund, yes/no as Có/Không.',
  })
  @ApiProduces('application/json', 'text/csv', XLSX_MEDIA_TYPE)
  @ApiOkResponse({ type: FundPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @CurrentContext() ctx: Ctx,
    @Query() query: FundQueryDto,
    @AcceptHeader() accept?: string,
  ): Promise<FundPageDto | unknown> {
    const format = exportFormat(query.format, accept);
    if (format !== 'json') return renderReport(await this.exports.funds(ctx, query), format);
    const { items, total } = await this.funds.list(actor, query);
    return toPage({ items: items.map(toFundDto), total }, query);
  }

  @Get('summary')
  @ApiOkResponse({ type: FundSummaryDto })
  async summary(
    @CurrentActor() actor: Actor,
    @Query() query: SummaryQueryDto,
  ): Promise<FundSummaryDto> {
    return { items: await this.funds.summary(actor, query.year) };
  }

  @Get('threshold-events')
  @ApiOkResponse({ type: ThresholdEventPageDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'FUND_NOT_FOUND' })
  async thresholdEvents(
    @CurrentActor() actor: Actor,
    @Query() query: ThresholdEventQueryDto,
  ): Promise<ThresholdEventPageDto> {
    const { items, total } = await this.funds.thresholdEvents(actor, query);
    return toPage({ items: items.map(toThresholdEventDto), total }, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: FundDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'FUND_NOT_FOUND' })
  async get(@CurrentActor() actor: Actor, @Param('id', uuidPipe()) id: string): Promise<FundDto> {
    return toFundDto(await this.funds.get(actor, id));
  }

  @Get(':id/ledger')
  @ApiOperation({
    summary: 'The fund’s ledger, newest first, with each entry’s nomination.',
    description:
      'CSV / XLSX (`format=` or Accept): every matching entry with the nomination reference, ' +
      'nominee and intake.',
  })
  @ApiProduces('application/json', 'text/csv', XLSX_MEDIA_TYPE)
  @ApiOkResponse({ type: LedgerPageDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'FUND_NOT_FOUND' })
  async ledger(
    @CurrentActor() actor: Actor,
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Query() query: LedgerQueryDto,
    @AcceptHeader() accept?: string,
  ): Promise<LedgerPageDto | unknown> {
    const format = exportFormat(query.format, accept);
    if (format !== 'json') {
      return renderReport(await this.exports.ledger(ctx, id, query), format);
    }
    const { items, total } = await this.funds.ledger(actor, id, query);
    return toPage({ items: items.map(toLedgerEntryDto), total }, query);
  }

  @Post()
  @UseGuards(FundManagersGuard)
  @ApiCreatedResponse({ type: FundDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'UNKNOWN_REFERENCE' })
  async create(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Body() body: CreateFundDto,
  ): Promise<FundDto> {
    return toFundDto(
      await this.funds.create(actor, audit, {
        code: body.code,
        name: body.name,
        fiscalYear: body.fiscalYear,
        ownerUnitId: body.ownerUnitId,
        source: body.source,
        policy: body.policy,
        thresholds: sorted(body.thresholds) ?? [80, 95],
        pipelineWarningPercent:
          body.pipelineWarningPercent === undefined ? 90 : body.pipelineWarningPercent,
        allocated: toVnd(body.allocated),
      }),
    );
  }

  @Patch(':id')
  @ApiOkResponse({ type: FundDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'FUND_NOT_FOUND' })
  @ApiConflictResponse({ type: ProblemDto, description: 'FUND_OVERDRAWN' })
  async update(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateFundDto,
  ): Promise<FundDto> {
    return toFundDto(
      await this.funds.update(actor, audit, id, {
        name: body.name,
        policy: body.policy,
        thresholds: sorted(body.thresholds),
        pipelineWarningPercent: body.pipelineWarningPercent,
        status: body.status,
      }),
    );
  }

  @Post(':id/allocations')
  @ApiCreatedResponse({ type: FundDto, description: 'The fund after the allocation.' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'FUND_NOT_FOUND' })
  async allocate(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Param('id', uuidPipe()) id: string,
    @Body() body: AllocationDto,
  ): Promise<FundDto> {
    return toFundDto(
      await this.funds.allocate(actor, audit, id, toVnd(body.amount), body.comment ?? null),
    );
  }

  @Post(':id/adjustments')
  @ApiCreatedResponse({ type: FundDto, description: 'The fund after the adjustment.' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'FUND_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'ADJUSTMENT_EXCEEDS_AVAILABLE' })
  async adjust(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Param('id', uuidPipe()) id: string,
    @Body() body: AdjustmentDto,
  ): Promise<FundDto> {
    return toFundDto(await this.funds.adjust(actor, audit, id, toVnd(body.amount), body.reason));
  }
}
