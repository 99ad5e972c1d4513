import { Ctx } from '@app/access';
import {
  EligibilityRuleRecord,
  EligibilityRulesService,
  EligibilityService,
  toRule,
} from '@app/catalog';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentContext } from '../auth/auth.decorators';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import {
  CreateRuleDto,
  EligibilityQueryDto,
  RecommendedIntakeDto,
  RuleDto,
  RuleQueryDto,
  UpdateRuleDto,
  VerdictDto,
} from './eligibility.dto';

const toRuleDto = (record: EligibilityRuleRecord): RuleDto => {
  const rule = toRule(record);
  return { ...rule, programId: record.programId, intakeId: record.intakeId, params: record.params };
};

@ApiTags('eligibility')
@ApiBearerAuth()
@Controller()
export class EligibilityController {
  constructor(
    private readonly rules: EligibilityRulesService,
    private readonly eligibility: EligibilityService,
  ) {}

  @Get('eligibility-rules')
  @ApiOperation({ summary: 'Rules: defaults, per programme, per intake.' })
  @ApiOkResponse({ type: [RuleDto] })
  async list(@CurrentContext() ctx: Ctx, @Query() query: RuleQueryDto): Promise<RuleDto[]> {
    return (await this.rules.list(ctx, query)).map(toRuleDto);
  }

  @Post('eligibility-rules')
  @ApiCreatedResponse({ type: RuleDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: administrators only' })
  async create(@CurrentContext() ctx: Ctx, @Body() body: CreateRuleDto) {
    return toRuleDto(
      await this.rules.create(ctx, {
        programId: body.programId ?? null,
        intakeId: body.intakeId ?? null,
        kind: body.kind,
        params: body.params ?? {},
        enabled: body.enabled ?? true,
      }),
    );
  }

  @Patch('eligibility-rules/:id')
  @ApiOkResponse({ type: RuleDto })
  async update(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateRuleDto,
  ): Promise<RuleDto> {
    return toRuleDto(await this.rules.update(ctx, id, body));
  }

  @Delete('eligibility-rules/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string) {
    await this.rules.remove(ctx, id);
  }

  @Get('intakes/:id/eligibility')
  @ApiOperation({
    summary: 'Every rule the person fails for this intake, in Vietnamese and English.',
  })
  @ApiOkResponse({ type: VerdictDto })
  @ApiNotFoundResponse({
    type: ProblemDto,
    description: 'INTAKE_NOT_FOUND, or STAFF_NOT_FOUND (also out of scope)',
  })
  verdict(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Query() query: EligibilityQueryDto,
  ): Promise<VerdictDto> {
    return this.eligibility.verdict(ctx, id, query.staffId, query.targetGroup ?? null);
  }

  @Get('staff/:id/recommended-intakes')
  @ApiOperation({
    summary: 'Open intakes that would close one of the person’s standard gaps; eligible first.',
  })
  @ApiOkResponse({ type: [RecommendedIntakeDto] })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'STAFF_NOT_FOUND (also out of scope)' })
  recommended(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
  ): Promise<RecommendedIntakeDto[]> {
    return this.eligibility.recommendedIntakes(ctx, id);
  }
}
