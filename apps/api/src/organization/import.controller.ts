import type { Ctx } from '@app/access';
import { DomainError } from '@app/common';
import { ImportFile, ImportKind, ImportService } from '@app/imports';
import type { MultipartFile } from '@fastify/multipart';
import { Controller, HttpCode, PayloadTooLargeException, Post, Query, Req } from '@nestjs/common';
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

const fileRequired = () =>
  new DomainError(
    'IMPORT_FILE_REQUIRED',
    'invalid',
    'Send one file as multipart/form-data in the field "file".',
  );

const malformed = (reason: string) =>
  new DomainError(
    'IMPORT_UPLOAD_MALFORMED',
    'invalid',
    `The multipart/form-data body cannot be read (${reason}); send the file again.`,
  );

/**
 * The uploaded file, read into memory (the multipart plugin caps its size). Whatever goes
 * wrong while reading the body is the request's fault: a missing boundary, a body cut off
 * before its closing boundary, a part that is not the file.
 */
export async function readUpload(request: FastifyRequest): Promise<ImportFile> {
  if (!request.isMultipart()) throw fileRequired();
  let part: MultipartFile | undefined;
  try {
    part = await request.file();
    if (!part || part.fieldname !== 'file') throw fileRequired();
    return { buffer: await part.toBuffer(), filename: part.filename };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new PayloadTooLargeException('The file is larger than the 20 MB limit.');
    }
    if (error instanceof DomainError) throw error;
    if (/^FST_/.test(String(code))) throw fileRequired();
    throw malformed(
      String((error as Error).message ?? error)
        .replace(/^Multipart: /, '')
        .toLowerCase(),
    );
  }
}

/**
 * Import of units, positions, staff and users from CSV or XLSX: all rows or none, upserted
 * by code (users by email). The columns are described in docs/import.md.
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
@ApiForbiddenResponse({ type: ProblemDto })
@Controller('imports')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post('units')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({ summary: 'Import units (admin only)' })
  units(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('units', request, query, ctx);
  }

  @Post('positions')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({ summary: 'Import positions and their standards (admin only)' })
  positions(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('positions', request, query, ctx);
  }

  @Post('staff')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({
    summary: 'Import staff (admins; unit heads and board reviewers within their scope)',
  })
  staff(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('staff', request, query, ctx);
  }

  @Post('users')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({
    summary: 'Import users with roles (admin only); each new user is emailed an invitation',
  })
  users(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('users', request, query, ctx);
  }

  @Post('participations')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({
    summary:
      'Import past participations (admins; unit heads and board reviewers for staff in their scope)',
  })
  participations(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('participations', request, query, ctx);
  }

  @Post('compliance')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY_SCHEMA)
  @ApiOperation({ summary: 'Import past compliance figures per unit and day (admin only)' })
  compliance(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
    @CurrentContext() ctx: Ctx,
  ): Promise<ImportResultDto> {
    return this.run('compliance', request, query, ctx);
  }

  private async run(
    kind: ImportKind,
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
