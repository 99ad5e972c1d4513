import { Ctx } from '@app/access';
import { ProvidersService } from '@app/catalog';
import { Body, Controller, Get, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnlyGuard } from '../auth/admin-only.guard';
import { CurrentContext } from '../auth/auth.decorators';
import { toPage } from '../http/paging';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import {
  CreateProviderDto,
  PROVIDER_DEFAULTS,
  ProviderDto,
  ProviderPageDto,
  ProviderQueryDto,
  toProviderDto,
  UpdateProviderDto,
} from './providers.dto';

/** Training providers: readable by every signed-in user, changed by administrators. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @ApiOkResponse({ type: ProviderPageDto })
  async list(
    @CurrentContext() ctx: Ctx,
    @Query() query: ProviderQueryDto,
  ): Promise<ProviderPageDto> {
    const { items, total } = await this.providers.list(ctx, query);
    return toPage({ items: items.map(toProviderDto), total }, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProviderDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'PROVIDER_NOT_FOUND' })
  async get(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<ProviderDto> {
    return toProviderDto(await this.providers.get(ctx, id));
  }

  @Post()
  @UseGuards(AdminOnlyGuard)
  @ApiCreatedResponse({ type: ProviderDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: for administrators' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CODE_TAKEN' })
  async create(@CurrentContext() ctx: Ctx, @Body() body: CreateProviderDto): Promise<ProviderDto> {
    return toProviderDto(await this.providers.create(ctx, { ...PROVIDER_DEFAULTS, ...body }));
  }

  @Patch(':id')
  @UseGuards(AdminOnlyGuard)
  @ApiOkResponse({ type: ProviderDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: for administrators' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'PROVIDER_NOT_FOUND' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CODE_TAKEN' })
  async update(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateProviderDto,
  ): Promise<ProviderDto> {
    return toProviderDto(await this.providers.update(ctx, id, body));
  }
}
