import { Ctx } from '@app/access';
import { StaffService } from '@app/organization';
import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
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
import { toPage } from '../http/paging';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import {
  CreateStaffDto,
  PlanningPoolDto,
  STAFF_DEFAULTS,
  StaffDto,
  StaffPageDto,
  StaffQueryDto,
  StandardGapsDto,
  toStaffDto,
  UpdateStaffDto,
} from './staff.dto';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'Staff the caller may see, searched and filtered.' })
  @ApiOkResponse({ type: StaffPageDto })
  async list(@CurrentContext() ctx: Ctx, @Query() query: StaffQueryDto): Promise<StaffPageDto> {
    const { items, total } = await this.staff.search(ctx, query);
    return toPage({ items: items.map(toStaffDto), total }, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: StaffDto })
  @ApiNotFoundResponse({
    type: ProblemDto,
    description: 'STAFF_NOT_FOUND (also when out of scope)',
  })
  async get(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<StaffDto> {
    return toStaffDto(await this.staff.get(ctx, id));
  }

  @Get(':id/standard-gaps')
  @ApiOperation({
    summary: 'Unmet requirements against the current position and each planned one.',
  })
  @ApiOkResponse({ type: StandardGapsDto })
  @ApiNotFoundResponse({
    type: ProblemDto,
    description: 'STAFF_NOT_FOUND (also when out of scope)',
  })
  gaps(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<StandardGapsDto> {
    return this.staff.standardGaps(ctx, id);
  }

  @Get(':id/planning-pool')
  @ApiOperation({ summary: 'Positions the person is prepared for (quy hoạch), with periods.' })
  @ApiOkResponse({ type: PlanningPoolDto })
  async planningPool(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
  ): Promise<PlanningPoolDto> {
    const entries = await this.staff.planningPool(ctx, id);
    return {
      entries: entries.map(({ positionId, periodFrom, periodTo }) => ({
        positionId,
        periodFrom,
        periodTo,
      })),
    };
  }

  @Put(':id/planning-pool')
  @ApiOperation({ summary: 'Replace the planning pool entries as a whole.' })
  @ApiOkResponse({ type: PlanningPoolDto })
  async setPlanningPool(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: PlanningPoolDto,
  ): Promise<PlanningPoolDto> {
    const entries = await this.staff.setPlanningPool(ctx, id, body.entries);
    return {
      entries: entries.map(({ positionId, periodFrom, periodTo }) => ({
        positionId,
        periodFrom,
        periodTo,
      })),
    };
  }

  @Post()
  @ApiCreatedResponse({ type: StaffDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'OUT_OF_SCOPE' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CODE_TAKEN' })
  async create(@CurrentContext() ctx: Ctx, @Body() body: CreateStaffDto): Promise<StaffDto> {
    return toStaffDto(await this.staff.create(ctx, { ...STAFF_DEFAULTS, ...body }));
  }

  @Patch(':id')
  @ApiOkResponse({ type: StaffDto })
  @ApiNotFoundResponse({
    type: ProblemDto,
    description: 'STAFF_NOT_FOUND (also when out of scope)',
  })
  async update(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateStaffDto,
  ): Promise<StaffDto> {
    return toStaffDto(await this.staff.update(ctx, id, body));
  }
}
