import { Ctx, forbidden } from '@app/access';
import { IntakeFields, IntakesService } from '@app/catalog';
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
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthenticatedRequest, CurrentContext } from '../auth/auth.decorators';
import { toPage } from '../http/paging';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import {
  CostsInputDto,
  CreateIntakeDto,
  INTAKE_DEFAULTS,
  IntakeDto,
  IntakePageDto,
  IntakeQueryDto,
  toIntakeDto,
  UpdateIntakeDto,
} from './intakes.dto';

/**
 * Refuses callers who could manage no intake at all (neither administrators nor board
 * reviewers of an authority) before the body is validated. The service decides per intake.
 */
@Injectable()
export class IntakeManagersGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    const may = actor?.grants.some(
      (grant) =>
        grant.role === 'admin' || (grant.role === 'board_reviewer' && grant.authorityId !== null),
    );
    if (!may) {
      throw forbidden(
        'Only administrators and board reviewers of the intake’s management authority may do this.',
      );
    }
    return true;
  }
}

/** Drops keys whose value is undefined, so they never overwrite a default or a stored value. */
const defined = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;

/** The amounts a body names, as bigint columns (whole VND). */
function costColumns(costs: CostsInputDto | undefined): Partial<IntakeFields> {
  const columns: Partial<IntakeFields> = {};
  if (costs?.tuition !== undefined)
    columns.costTuition = toVnd(costs.tuition, { allowNegative: false });
  if (costs?.allowances !== undefined)
    columns.costAllowances = toVnd(costs.allowances, { allowNegative: false });
  if (costs?.travel !== undefined)
    columns.costTravel = toVnd(costs.travel, { allowNegative: false });
  if (costs?.other !== undefined) columns.costOther = toVnd(costs.other, { allowNegative: false });
  return columns;
}

/**
 * Intakes of programmes with their seats, quotas and costs. Readable by every signed-in
 * user; changed by administrators and by board reviewers of the intake's management
 * authority (before and after the change).
 */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('intakes')
export class IntakesController {
  constructor(private readonly intakes: IntakesService) {}

  @Get()
  @ApiOkResponse({ type: IntakePageDto })
  async list(@CurrentContext() ctx: Ctx, @Query() query: IntakeQueryDto): Promise<IntakePageDto> {
    const { items, total } = await this.intakes.list(ctx, query);
    return toPage({ items: items.map(toIntakeDto), total }, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: IntakeDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'INTAKE_NOT_FOUND' })
  async get(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<IntakeDto> {
    return toIntakeDto(await this.intakes.get(ctx, id));
  }

  @Post()
  @UseGuards(IntakeManagersGuard)
  @ApiCreatedResponse({ type: IntakeDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({
    type: ProblemDto,
    description: 'UNKNOWN_REFERENCE, QUOTAS_EXCEED_SEATS',
  })
  async create(@CurrentContext() ctx: Ctx, @Body() body: CreateIntakeDto): Promise<IntakeDto> {
    const { costs, ...rest } = body;
    const fields: IntakeFields = {
      ...INTAKE_DEFAULTS,
      ...(defined(rest) as typeof rest),
      costTuition: 0n,
      costAllowances: 0n,
      costTravel: 0n,
      costOther: 0n,
      ...costColumns(costs),
    };
    return toIntakeDto(await this.intakes.create(ctx, fields));
  }

  @Patch(':id')
  @UseGuards(IntakeManagersGuard)
  @ApiOkResponse({ type: IntakeDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'INTAKE_NOT_FOUND' })
  @ApiConflictResponse({
    type: ProblemDto,
    description: 'CODE_TAKEN, SEATS_BELOW_TAKEN, INTAKE_FUNDED_IN_OTHER_YEAR',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDto,
    description: 'UNKNOWN_REFERENCE, QUOTAS_EXCEED_SEATS',
  })
  async update(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateIntakeDto,
  ): Promise<IntakeDto> {
    const { costs, ...rest } = body;
    return toIntakeDto(
      await this.intakes.update(ctx, id, { ...defined(rest), ...costColumns(costs) }),
    );
  }
}
