import { Ctx } from '@app/access';
import { ProgramsService } from '@app/catalog';
import { Body, Controller, Get, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
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
import { AdminOnlyGuard } from '../auth/admin-only.guard';
import { CurrentContext } from '../auth/auth.decorators';
import { toPage } from '../http/paging';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import {
  CreateProgramDto,
  PROGRAM_DEFAULTS,
  ProgramDto,
  ProgramPageDto,
  ProgramQueryDto,
  toProgramDto,
  UpdateProgramDto,
} from './programs.dto';

/** Training programmes: readable by every signed-in user, changed by administrators. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Get()
  @ApiOkResponse({ type: ProgramPageDto })
  async list(@CurrentContext() ctx: Ctx, @Query() query: ProgramQueryDto): Promise<ProgramPageDto> {
    const { items, total } = await this.programs.list(ctx, query);
    return toPage({ items: items.map(toProgramDto), total }, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProgramDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'PROGRAM_NOT_FOUND' })
  async get(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<ProgramDto> {
    return toProgramDto(await this.programs.get(ctx, id));
  }

  @Post()
  @UseGuards(AdminOnlyGuard)
  @ApiCreatedResponse({ type: ProgramDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: for administrators' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'UNKNOWN_REFERENCE' })
  async create(@CurrentContext() ctx: Ctx, @Body() body: CreateProgramDto): Promise<ProgramDto> {
    return toProgramDto(await this.programs.create(ctx, { ...PROGRAM_DEFAULTS, ...body }));
  }

  @Patch(':id')
  @UseGuards(AdminOnlyGuard)
  @ApiOkResponse({ type: ProgramDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: for administrators' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'PROGRAM_NOT_FOUND' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'UNKNOWN_REFERENCE' })
  async update(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateProgramDto,
  ): Promise<ProgramDto> {
    return toProgramDto(await this.programs.update(ctx, id, body));
  }
}
