import { Ctx } from '@app/access';
import { DomainError, toVnd } from '@app/common';
import { Action, NominationCopies, NominationQueries, NominationService } from '@app/nominations';
import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentContext } from '../auth/auth.decorators';
import { toFundDto } from '../budget/funds.dto';
import { IdempotencyService } from '../http/idempotency.service';
import { withAmountsAsStrings } from '../http/json';
import { toPage } from '../http/paging';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import {
  ActionDto,
  ActionParamsDto,
  NOMINATION_ACTIONS,
  CreateNominationDto,
  NominationFundsDto,
  NominationQueryDto,
  NominationSummaryQueryDto,
  UpdateNominationDto,
} from './nominations.dto';
import {
  CopiedNominationDto,
  FundCheckDto,
  NominationActedDto,
  NominationDetailDto,
  NominationPageDto,
  NominationSummaryDto,
} from './nomination-views.dto';

/** Optional on every request that acts; see docs/workflow.md, "Retries: Idempotency-Key". */
const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'Up to 200 visible ASCII characters, unique per request you mean to make once. A retry with the same key and body returns the first response without acting again (keys are kept 24 hours).',
};

/**
 * Nominations. Reading returns the version in `ETag`; every action must send it back in
 * `If-Match`, and a stale one answers 409 VERSION_CONFLICT.
 */
@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominationsController {
  constructor(
    private readonly nominations: NominationService,
    private readonly queries: NominationQueries,
    private readonly idempotency: IdempotencyService,
    private readonly copies: NominationCopies,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Propose a staff member for an intake (a draft).' })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: NominationDetailDto, description: 'The draft; its version in ETag.' })
  async create(
    @CurrentContext() ctx: Ctx,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreateNominationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const request = {
      userId: ctx.actor.userId,
      key: idempotencyKey,
      method: 'POST',
      path: '/api/v1/nominations',
      body,
    };
    return this.idempotency.run(ctx, request, reply, async (tx) => {
      const { id } = await this.nominations.create(tx, {
        nomineeStaffId: body.nomineeStaffId,
        intakeId: body.intakeId,
        targetGroup: body.targetGroup,
        justification: body.justification,
        costLines: body.costLines.map((line) => ({
          fundId: line.fundId,
          amount: toVnd(line.amount, { allowNegative: false }),
        })),
        learnerShare: toVnd(body.learnerShare ?? '0', { allowNegative: false }),
      });
      reply.status(201);
      return this.detail(tx, id, reply);
    });
  }

  @Get()
  @ApiOkResponse({ type: NominationPageDto })
  async list(
    @CurrentContext() ctx: Ctx,
    @Query() query: NominationQueryDto,
  ): Promise<NominationPageDto> {
    const { items, total, totalCapped } = await this.queries.list(ctx, query);
    return { ...toPage({ items, total }, query), totalCapped };
  }

  @Get('summary')
  @ApiOperation({
    summary:
      'How many nominations you may see are in each state, and how many wait for you (the list’s scope and filters).',
  })
  @ApiOkResponse({ type: NominationSummaryDto })
  summary(
    @CurrentContext() ctx: Ctx,
    @Query() query: NominationSummaryQueryDto,
  ): Promise<NominationSummaryDto> {
    return this.queries.summary(ctx, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: NominationDetailDto, description: 'Its version in ETag.' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'NOMINATION_NOT_FOUND' })
  async get(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.detail(ctx, id, reply);
  }

  @Get(':id/funds')
  @ApiOperation({
    summary:
      'The funds the nomination draws on, read-only, for everyone who may see the nomination.',
  })
  @ApiOkResponse({ type: NominationFundsDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'NOMINATION_NOT_FOUND' })
  async funds(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
  ): Promise<NominationFundsDto> {
    const funds = await this.queries.funds(ctx, id);
    return {
      items: funds.map((fund) => ({ ...toFundDto(fund), amount: fund.amount.toString() })),
    };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a draft or returned nomination.' })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The version from the ETag you read.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({ type: NominationDetailDto, description: 'The nomination as changed.' })
  async edit(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: UpdateNominationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (body.nomineeStaffId !== undefined) {
      throw new DomainError(
        'NOMINEE_FIXED',
        'invalid',
        'The nominee of a nomination cannot change; withdraw it and nominate again.',
        {
          errors: [
            { field: 'nomineeStaffId', message: 'the nominee cannot change', code: 'IMMUTABLE' },
          ],
        },
      );
    }
    const version = versionFrom(ifMatch);
    const request = {
      userId: ctx.actor.userId,
      key: idempotencyKey,
      method: 'PATCH',
      path: `/api/v1/nominations/${id.toLowerCase()}`,
      body,
    };
    return this.idempotency.run(ctx, request, reply, async (tx) => {
      await this.nominations.edit(tx, id, version, {
        intakeId: body.intakeId,
        targetGroup: body.targetGroup,
        justification: body.justification,
        costLines: body.costLines?.map((line) => ({
          fundId: line.fundId,
          amount: toVnd(line.amount, { allowNegative: false }),
        })),
        learnerShare:
          body.learnerShare === undefined
            ? undefined
            : toVnd(body.learnerShare, { allowNegative: false }),
      });
      return this.detail(tx, id, reply);
    });
  }

  @Post(':id/copy')
  @ApiOperation({
    summary:
      'Copy a withdrawn, rejected or cancelled nomination as a new draft (same nominee, intake, target group, justification, cost split).',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({
    type: CopiedNominationDto,
    description: 'The new draft, linked to its predecessor; its version in ETag.',
  })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'NOMINATION_NOT_FOUND' })
  async copy(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const request = {
      userId: ctx.actor.userId,
      key: idempotencyKey,
      method: 'POST',
      path: `/api/v1/nominations/${id.toLowerCase()}/copy`,
      body: {},
    };
    return this.idempotency.run(ctx, request, reply, async (tx) => {
      const copied = await this.copies.copy(tx, id);
      reply.status(201);
      const detail = await this.detail(tx, copied.id, reply);
      return { ...detail, intakeOpen: copied.intakeOpen } satisfies CopiedNominationDto;
    });
  }

  @Post(':id/actions/:action')
  @ApiOperation({
    summary: 'submit, approve, return, reject, withdraw, cancel, start or complete.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiParam({ name: 'action', enum: NOMINATION_ACTIONS })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The version from the ETag you read.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: NominationActedDto, description: 'The nomination after the action.' })
  async act(
    @CurrentContext() ctx: Ctx,
    @Param() params: ActionParamsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: ActionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const version = versionFrom(ifMatch);
    const request = {
      userId: ctx.actor.userId,
      key: idempotencyKey,
      method: 'POST',
      path: `/api/v1/nominations/${params.id.toLowerCase()}/actions/${params.action}`,
      body,
    };
    return this.idempotency.run(ctx, request, reply, async (tx) => {
      const { budgetCheck } = await this.nominations.act(tx, params.id, params.action as Action, {
        version,
        comment: body.comment,
        overrideReason: body.overrideReason,
        passed: body.passed,
        actualCostLines: body.actualCostLines?.map((line) => ({
          fundId: line.fundId,
          amount: toVnd(line.amount, { allowNegative: false }),
        })),
      });
      const detail: NominationActedDto = await this.detail(tx, params.id, reply);
      return budgetCheck
        ? { ...detail, submissionBudgetCheck: withAmountsAsStrings(budgetCheck) as FundCheckDto[] }
        : detail;
    });
  }

  private async detail(ctx: Ctx, id: string, reply: FastifyReply): Promise<NominationDetailDto> {
    const detail = await this.queries.detail(ctx, id);
    reply.header('etag', `"${detail.version}"`);
    return withAmountsAsStrings(detail) as NominationDetailDto;
  }
}

/** The version a caller read, from `If-Match: "3"` (weak or strong); required for every change. */
function versionFrom(ifMatch: string | undefined): number {
  const version = Number((ifMatch ?? '').replace(/^W\//, '').replace(/"/g, ''));
  if (!ifMatch || !Number.isInteger(version) || version < 1) {
    throw new DomainError(
      'VERSION_REQUIRED',
      'invalid',
      'Send the version you read in an If-Match header.',
      {
        errors: [
          {
            field: 'If-Match',
            message: 'If-Match must carry the nomination version',
            code: 'REQUIRED',
          },
        ],
      },
    );
  }
  return version;
}
