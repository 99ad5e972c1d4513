import { Ctx, isAdmin } from '@app/access';
import { AuditQueryService } from '@app/audit';
import { DomainError } from '@app/common';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CurrentContext } from '../auth/auth.decorators';
import { PageQueryDto, toPage } from '../http/paging';
import { ProblemDto } from '../http/problem';
import { IsDay } from '../http/validation';

class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'staff',
    description: 'staff, unit, tier, position, authority, user',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entity?: string;

  @ApiPropertyOptional({ description: 'The id of the record.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  id?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only changes made by this user.' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Changes on or after this day (Asia/Ho_Chi_Minh).',
  })
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Changes on or before this day (Asia/Ho_Chi_Minh).',
  })
  @IsOptional()
  @IsDay()
  to?: string;
}

class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ type: String, nullable: true }) actorUserId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The actor’s display name; null for the system or a removed user.',
  })
  actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty() entity: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ enum: ['create', 'update', 'delete'] }) action: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<
    string,
    unknown
  > | null;
}

class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @ApiOkResponse({
    type: AuditPageDto,
    description: 'Changes, newest first (administrators only).',
  })
  @ApiForbiddenResponse({ type: ProblemDto })
  async list(@CurrentContext() ctx: Ctx, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    if (!isAdmin(ctx.actor))
      throw new DomainError(
        'FORBIDDEN',
        'forbidden',
        'Only administrators may read the audit trail.',
      );
    return toPage(
      await this.audit.list(ctx, {
        entity: query.entity,
        entityId: query.id,
        actorUserId: query.actorUserId,
        from: query.from,
        to: query.to,
        page: query.page,
        pageSize: query.pageSize,
      }),
      query,
    );
  }
}
