import type { Ctx } from '@app/access';
import { ImportService, ReferenceImportKind } from '@app/imports';
import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentContext } from '../auth/auth.decorators';
import { ProblemDto } from '../http/problem';
import {
  IMPORT_BODY_SCHEMA,
  ImportProblemDto,
  ImportQueryDto,
  ImportResultDto,
} from './import.dto';
import { readUpload } from './import.controller';

/**
 * Import of reference data (management authorities, funds and their allocations, planning
 * pools, the training catalog) from CSV or XLSX, administrators only: all rows or none,
 * upserted by code. The columns are described in docs/import.md.
 */
@ApiTags('imports')
@ApiBearerAuth()
@ApiOkResponse({ type: ImportResultDto })
@ApiUnprocessableEntityResponse({
  type: ImportProblemDto,
  description:
    'IMPORT_INVALID: `errors` lists the bad rows (the first IMPORT_MAX_ERRORS; `errorCount` ' +
    'counts them all); nothing was written. SPREADSHEET_TOO_LARGE, TOO_MANY_ROWS, ' +
    'TOO_MANY_CELLS: the file is past a limit and was not read further.',
})
@ApiBadRequestResponse({
  type: ProblemDto,
  description: 'IMPORT_FILE_REQUIRED, IMPORT_UPLOAD_MALFORMED, IMPORT_UNREADABLE.',
})
@ApiForbiddenResponse({ type: ProblemDto, description: 'Not an administrator.' })
@Controller('imports')
export class ReferenceImportController {
  constructor(private readonly imports: ImportService) {}

  @Post('authorities')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({ summary: 'Import management authorities (admin only)' })
  authorities(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('authorities', request, query, ctx);
  }

  @Post('funds')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({ summary: 'Import funds, created with nothing allocated (admin only)' })
  funds(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('funds', request, query, ctx);
  }

  @Post('allocations')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({
    summary: "Set funds' allocations to the file's totals, through the ledger (admin only)",
  })
  allocations(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('allocations', request, query, ctx);
  }

  @Post('planning-pools')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({ summary: 'Import planning pool entries (quy hoạch) (admin only)' })
  planningPools(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('planning-pools', request, query, ctx);
  }

  @Post('providers')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({ summary: 'Import training providers (admin only)' })
  providers(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('providers', request, query, ctx);
  }

  @Post('programs')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({ summary: 'Import training programmes (admin only)' })
  programs(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('programs', request, query, ctx);
  }

  @Post('intakes')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({ summary: 'Import intakes of programmes (admin only)' })
  intakes(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('intakes', request, query, ctx);
  }

  private async run(
    kind: ReferenceImportKind,
    request: FastifyRequest,
    query: ImportQueryDto,
    ctx: Ctx,
  ): Promise<ImportResultDto> {
    // Refuse callers before reading their upload.
    this.imports.authorize(kind, ctx.actor);
    const file = await readUpload(request);
    return this.imports.import(ctx, kind, file, { dryRun: query.dryRun ?? false });
  }
}
