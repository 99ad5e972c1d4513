import { Actor } from '@app/access';
import { AuditContext } from '@app/audit';
import { PositionsService, Unit, UnitsService } from '@app/organization';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuditFrom, CurrentActor } from '../auth/auth.decorators';
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
  listTiers(): Promise<TierDto[]> {
    return this.units.listTiers();
  }

  @Post('tiers')
  @ApiCreatedResponse({ type: TierDto })
  createTier(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Body() body: CreateTierDto,
  ) {
    return this.units.createTier(actor, audit, body);
  }

  @Get('units')
  @ApiOkResponse({ type: UnitPageDto })
  async listUnits(@Query() query: UnitQueryDto): Promise<UnitPageDto> {
    const { items, total } = await this.units.list(query);
    return toPage({ items: items.map(toUnitDto), total }, query);
  }

  @Get('units/:id')
  @ApiOkResponse({ type: UnitDto })
  async getUnit(@Param('id', uuidPipe()) id: string): Promise<UnitDto> {
    return toUnitDto(await this.units.get(id));
  }

  @Get('units/:id/history')
  @ApiOkResponse({
    type: [UnitPlacementDto],
    description: 'Where the unit sat in the tree, and when.',
  })
  async unitHistory(@Param('id', uuidPipe()) id: string): Promise<UnitPlacementDto[]> {
    await this.units.get(id);
    return (await this.units.history(id)).map(({ parentId, tierId, validFrom, validTo }) => ({
      parentId,
      tierId,
      validFrom,
      validTo,
    }));
  }

  @Post('units')
  @ApiCreatedResponse({ type: UnitDto })
  async createUnit(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Body() body: CreateUnitDto,
  ) {
    return toUnitDto(await this.units.create(actor, audit, { ...UNIT_DEFAULTS, ...body }));
  }

  @Patch('units/:id')
  @ApiOkResponse({ type: UnitDto })
  async updateUnit(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateUnitDto,
  ) {
    return toUnitDto(await this.units.update(actor, audit, id, body));
  }

  @Get('positions')
  @ApiOkResponse({ type: [PositionDto] })
  listPositions(): Promise<PositionDto[]> {
    return this.positions.listPositions();
  }

  @Get('positions/:id')
  @ApiOkResponse({ type: PositionDto })
  getPosition(@Param('id', uuidPipe()) id: string): Promise<PositionDto> {
    return this.positions.getPosition(id);
  }

  @Post('positions')
  @ApiCreatedResponse({ type: PositionDto })
  createPosition(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Body() body: CreatePositionDto,
  ) {
    return this.positions.createPosition(actor, audit, { ...POSITION_DEFAULTS, ...body });
  }

  @Patch('positions/:id')
  @ApiOkResponse({ type: PositionDto })
  updatePosition(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdatePositionDto,
  ) {
    return this.positions.updatePosition(actor, audit, id, body);
  }

  @Get('authorities')
  @ApiOkResponse({ type: [AuthorityDto] })
  listAuthorities(@Query() query: AuthorityQueryDto): Promise<AuthorityDto[]> {
    return this.positions.listAuthorities(query.q);
  }

  @Get('authorities/:id')
  @ApiOkResponse({ type: AuthorityDto })
  getAuthority(@Param('id', uuidPipe()) id: string): Promise<AuthorityDto> {
    return this.positions.getAuthority(id);
  }

  @Post('authorities')
  @ApiCreatedResponse({ type: AuthorityDto })
  createAuthority(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Body() body: CreateAuthorityDto,
  ) {
    return this.positions.createAuthority(actor, audit, { ...AUTHORITY_DEFAULTS, ...body });
  }

  @Patch('authorities/:id')
  @ApiOkResponse({ type: AuthorityDto })
  updateAuthority(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateAuthorityDto,
  ) {
    return this.positions.updateAuthority(actor, audit, id, body);
  }
}
