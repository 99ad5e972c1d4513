import { Ctx } from '@app/access';
import { PositionsService, Unit, UnitsService } from '@app/organization';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentContext } from '../auth/auth.decorators';
import { toPage } from '../http/paging';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import {
  AUTHORITY_DEFAULTS,
  AuthorityDto,
  AuthorityQueryDto,
  CreateAuthorityDto,
  CreatePositionDto,
  CreateTierDto,
  CreateUnitDto,
  POSITION_DEFAULTS,
  PositionDto,
  TierDto,
  UNIT_DEFAULTS,
  UnitDto,
  UnitPageDto,
  UnitPlacementDto,
  UnitQueryDto,
  UpdateAuthorityDto,
  UpdatePositionDto,
  UpdateUnitDto,
} from './reference.dto';

const toUnitDto = (unit: Unit): UnitDto => ({
  id: unit.id,
  code: unit.code,
  name: unit.name,
  tierId: unit.tierId,
  kind: unit.kind,
  parentId: unit.parentId,
  path: unit.path,
  active: unit.active,
});

/**
 * The structure of the organization: readable by every signed-in user, changed by
 * administrators only (403 FORBIDDEN for anyone else).
 */
@ApiTags('organization')
@ApiBearerAuth()
@ApiForbiddenResponse({
  type: ProblemDto,
  description: 'FORBIDDEN: changes are for administrators',
})
@Controller()
export class ReferenceController {
  constructor(
    private readonly units: UnitsService,
    private readonly positions: PositionsService,
  ) {}

  @Get('tiers')
  @ApiOkResponse({ type: [TierDto] })
  listTiers(@CurrentContext() ctx: Ctx): Promise<TierDto[]> {
    return this.units.listTiers(ctx);
  }

  @Post('tiers')
  @ApiCreatedResponse({ type: TierDto })
  createTier(@CurrentContext() ctx: Ctx, @Body() body: CreateTierDto) {
    return this.units.createTier(ctx, body);
  }

  @Get('units')
  @ApiOkResponse({ type: UnitPageDto })
  async listUnits(@CurrentContext() ctx: Ctx, @Query() query: UnitQueryDto): Promise<UnitPageDto> {
    const { items, total } = await this.units.list(ctx, query);
    return toPage({ items: items.map(toUnitDto), total }, query);
  }

  @Get('units/:id')
  @ApiOkResponse({ type: UnitDto })
  async getUnit(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<UnitDto> {
    return toUnitDto(await this.units.get(ctx, id));
  }

  @Get('units/:id/history')
  @ApiOkResponse({
    type: [UnitPlacementDto],
    description: 'Where the unit sat in the tree, and when.',
  })
  async unitHistory(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
  ): Promise<UnitPlacementDto[]> {
    await this.units.get(ctx, id);
    return (await this.units.history(ctx, id)).map(({ parentId, tierId, validFrom, validTo }) => ({
      parentId,
      tierId,
      validFrom,
      validTo,
    }));
  }

  @Post('units')
  @ApiCreatedResponse({ type: UnitDto })
  async createUnit(@CurrentContext() ctx: Ctx, @Body() body: CreateUnitDto) {
    return toUnitDto(await this.units.create(ctx, { ...UNIT_DEFAULTS, ...body }));
  }

  @Patch('units/:id')
  @ApiOkResponse({ type: UnitDto })
  async updateUnit(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateUnitDto,
  ) {
    return toUnitDto(await this.units.update(ctx, id, body));
  }

  @Get('positions')
  @ApiOkResponse({ type: [PositionDto] })
  listPositions(@CurrentContext() ctx: Ctx): Promise<PositionDto[]> {
    return this.positions.listPositions(ctx);
  }

  @Get('positions/:id')
  @ApiOkResponse({ type: PositionDto })
  getPosition(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
  ): Promise<PositionDto> {
    return this.positions.getPosition(ctx, id);
  }

  @Post('positions')
  @ApiCreatedResponse({ type: PositionDto })
  createPosition(@CurrentContext() ctx: Ctx, @Body() body: CreatePositionDto) {
    return this.positions.createPosition(ctx, { ...POSITION_DEFAULTS, ...body });
  }

  @Patch('positions/:id')
  @ApiOkResponse({ type: PositionDto })
  updatePosition(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdatePositionDto,
  ) {
    return this.positions.updatePosition(ctx, id, body);
  }

  @Get('authorities')
  @ApiOkResponse({ type: [AuthorityDto] })
  listAuthorities(
    @CurrentContext() ctx: Ctx,
    @Query() query: AuthorityQueryDto,
  ): Promise<AuthorityDto[]> {
    return this.positions.listAuthorities(ctx, query.q);
  }

  @Get('authorities/:id')
  @ApiOkResponse({ type: AuthorityDto })
  getAuthority(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
  ): Promise<AuthorityDto> {
    return this.positions.getAuthority(ctx, id);
  }

  @Post('authorities')
  @ApiCreatedResponse({ type: AuthorityDto })
  createAuthority(@CurrentContext() ctx: Ctx, @Body() body: CreateAuthorityDto) {
    return this.positions.createAuthority(ctx, { ...AUTHORITY_DEFAULTS, ...body });
  }

  @Patch('authorities/:id')
  @ApiOkResponse({ type: AuthorityDto })
  updateAuthority(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateAuthorityDto,
  ) {
    return this.positions.updateAuthority(ctx, id, body);
  }
}
