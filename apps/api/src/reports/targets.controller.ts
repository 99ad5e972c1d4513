import { Ctx } from '@app/access';
import { TargetChanges, TargetProgressService, TargetsService } from '@app/reports';
import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AdminOnlyGuard } from '../auth/admin-only.guard';
import { CurrentContext } from '../auth/auth.decorators';
import { toPage } from '../http/paging';
import { ReportResponses } from './report-responses';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import { exportFormat, renderReport } from './export-format';
import {
  CreateTargetDto,
  TargetDto,
  TargetPageDto,
  TargetQueryDto,
  TargetsReportDto,
  TargetsReportQueryDto,
  UpdateTargetDto,
} from './training.dto';

/**
 * Training targets as data ("300 new masters and doctors by 2020, of which 50 doctors"):
 * read by every user holding a role, created, changed and removed by administrators.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get()
  @ApiOkResponse({ type: TargetPageDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: a user without any role' })
  async list(@CurrentContext() ctx: Ctx, @Query() query: TargetQueryDto) {
    return toPage(await this.targets.list(ctx, query), query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TargetDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'TARGET_NOT_FOUND' })
  get(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string) {
    return this.targets.get(ctx, id);
  }

  @Post()
  @UseGuards(AdminOnlyGuard)
  @ApiOperation({ summary: 'Set a target (administrators).' })
  @ApiCreatedResponse({ type: TargetDto })
  @ApiBadRequestResponse({
    type: ProblemDto,
    description: 'VALIDATION_FAILED (also a filter of the wrong shape, periodTo before periodFrom)',
  })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: administrators only' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({
    type: ProblemDto,
    description: 'UNKNOWN_REFERENCE (parentId, unitId), TARGET_PARENT_INVALID',
  })
  create(@CurrentContext() ctx: Ctx, @Body() body: CreateTargetDto) {
    return this.targets.create(ctx, {
      code: body.code,
      name: body.name,
      kind: body.kind,
      periodFrom: body.periodFrom,
      periodTo: body.periodTo,
      target: String(body.target),
      filter: body.filter ?? {},
      parentId: body.parentId ?? null,
      unitId: body.unitId ?? null,
    });
  }

  @Patch(':id')
  @UseGuards(AdminOnlyGuard)
  @ApiOperation({ summary: 'Change a target (administrators); its kind is fixed.' })
  @ApiOkResponse({ type: TargetDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: administrators only' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'TARGET_NOT_FOUND' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({
    type: ProblemDto,
    description: 'UNKNOWN_REFERENCE (parentId, unitId), TARGET_PARENT_INVALID',
  })
  update(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateTargetDto,
  ) {
    const changes: TargetChanges = {
      code: body.code ?? undefined,
      name: body.name ?? undefined,
      periodFrom: body.periodFrom ?? undefined,
      periodTo: body.periodTo ?? undefined,
      target: body.target === undefined || body.target === null ? undefined : String(body.target),
      filter: body.filter ?? undefined,
      parentId: body.parentId,
      unitId: body.unitId,
    };
    return this.targets.update(ctx, id, changes);
  }

  @Delete(':id')
  @UseGuards(AdminOnlyGuard)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a target without parts (administrators).' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: administrators only' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'TARGET_NOT_FOUND' })
  @ApiConflictResponse({ type: ProblemDto, description: 'TARGET_HAS_PARTS' })
  async remove(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<void> {
    await this.targets.remove(ctx, id);
  }
}

/** Each target against what was done, within the caller's scope. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/targets')
export class TargetsReportController {
  constructor(private readonly progress: TargetProgressService) {}

  @Get()
  @ApiOperation({
    summary: 'Targets with the actual figure and the ratio actual / target.',
    description:
      'participations: participations whose intake starts in the period (up to `at`) matching ' +
      'the filter, in the caller’s scope and the target’s unit subtree. staff_share: the share ' +
      'of the active staff matching the population who meet the condition, in percent. The ' +
      'ratio is rounded to 2 decimals. Parts ("trong đó") are nested under their target.',
  })
  @ReportResponses(TargetsReportDto, { notFound: 'UNIT_NOT_FOUND' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: a user without any role' })
  async report(
    @CurrentContext() ctx: Ctx,
    @Query() query: TargetsReportQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<unknown> {
    const format = exportFormat(query.format, accept);
    return renderReport(
      await this.progress.report(ctx, { unitId: query.unitId, at: query.at }),
      format,
      query.table,
    );
  }
}
