import { Ctx } from '@app/access';
import { ApprovalPoliciesService, PolicyFields, PolicyStep } from '@app/nominations';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentContext } from '../auth/auth.decorators';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import {
  CreatePolicyDto,
  PolicyDetailDto,
  PolicyDto,
  PolicyPreviewDto,
  PolicyStepDto,
  PreviewQueryDto,
  SavedPolicyDto,
  UpdatePolicyDto,
} from './approval-policies.dto';

/** Plain step objects, without the fields left out (JSON in the database keeps no undefined). */
const toStep = (step: PolicyStepDto): PolicyStep => {
  const plain: PolicyStep = { role: step.role, authority: step.authority };
  if (step.authorityId !== undefined) plain.authorityId = step.authorityId;
  if (step.committee !== undefined) {
    plain.committee = { quorum: step.committee.quorum };
    if (step.committee.veto !== undefined) plain.committee.veto = step.committee.veto;
  }
  if (step.minFundAmount !== undefined) plain.minFundAmount = step.minFundAmount;
  if (step.onlyHigherTier !== undefined) plain.onlyHigherTier = step.onlyHigherTier;
  return plain;
};

const toChanges = (body: Omit<UpdatePolicyDto, 'version'>): Partial<PolicyFields> => {
  const changes: Partial<PolicyFields> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined && key !== 'steps') (changes as Record<string, unknown>)[key] = value;
  }
  if (body.steps) changes.steps = body.steps.map(toStep);
  return changes;
};

const saved = ({ policy, warnings }: { policy: PolicyDto; warnings: unknown[] }) =>
  ({ ...policy, warnings }) as SavedPolicyDto;

/**
 * Approval policies: which chain a nomination gets. Administrators manage all of them; a
 * board reviewer of an authority manages those that match that authority.
 */
@ApiTags('nominations')
@ApiBearerAuth()
@Controller('approval-policies')
export class ApprovalPoliciesController {
  constructor(private readonly policies: ApprovalPoliciesService) {}

  @Get()
  @ApiOperation({ summary: 'Policies in priority order, with names beside ids.' })
  @ApiOkResponse({ type: [PolicyDto] })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: not an admin or reviewer' })
  list(@CurrentContext() ctx: Ctx): Promise<PolicyDto[]> {
    return this.policies.list(ctx);
  }

  @Get('preview')
  @ApiOperation({
    summary:
      'Dry run: the policy and chain a nomination would get if submitted now, with who holds each step.',
  })
  @ApiOkResponse({ type: PolicyPreviewDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'STAFF_NOT_FOUND, INTAKE_NOT_FOUND' })
  async preview(
    @CurrentContext() ctx: Ctx,
    @Query() query: PreviewQueryDto,
  ): Promise<PolicyPreviewDto> {
    return this.policies.preview(ctx, {
      staffId: query.staffId,
      intakeId: query.intakeId,
      costLines: (query.costLine ?? []).map((line) => {
        const [fundId, amount] = line.split(':');
        return { fundId, amount: BigInt(amount) };
      }),
    });
  }

  @Get(':id')
  @ApiOkResponse({ type: PolicyDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'POLICY_NOT_FOUND (also out of scope)' })
  get(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<PolicyDetailDto> {
    return this.policies.get(ctx, id);
  }

  @Post()
  @ApiCreatedResponse({ type: SavedPolicyDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN' })
  async create(@CurrentContext() ctx: Ctx, @Body() body: CreatePolicyDto): Promise<SavedPolicyDto> {
    return saved(
      await this.policies.create(ctx, {
        priority: body.priority,
        name: body.name,
        active: body.active ?? true,
        matchAuthorityId: body.matchAuthorityId ?? null,
        matchTierId: body.matchTierId ?? null,
        matchFundOwnerTierId: body.matchFundOwnerTierId ?? null,
        matchCategories: body.matchCategories ?? null,
        matchOverseas: body.matchOverseas ?? null,
        matchMinCost: body.matchMinCost ?? null,
        steps: body.steps.map(toStep),
      }),
    );
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a policy (also active and priority); send the version read.',
  })
  @ApiOkResponse({ type: SavedPolicyDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'POLICY_NOT_FOUND (also out of scope)' })
  @ApiConflictResponse({ type: ProblemDto, description: 'POLICY_VERSION_CONFLICT' })
  async update(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdatePolicyDto,
  ): Promise<SavedPolicyDto> {
    const { version, ...changes } = body;
    return saved(await this.policies.update(ctx, id, version, toChanges(changes)));
  }
}
