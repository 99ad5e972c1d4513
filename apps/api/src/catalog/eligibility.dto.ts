import { RULE_KINDS, TARGET_GROUPS } from '@app/catalog';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsUUID } from 'class-validator';
import { QueryInteger, queryBoolean } from '../http/validation';

export class RuleQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  intakeId?: string;

  @ApiPropertyOptional({ description: 'Only the organization-wide defaults.' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  defaultsOnly?: boolean;
}

export class CreateRuleDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The programme it applies to (neither: a default).',
  })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The intake it applies to; replaces rules of its kind above.',
  })
  @IsOptional()
  @IsUUID()
  intakeId?: string;

  @ApiProperty({ enum: RULE_KINDS })
  @IsIn(RULE_KINDS)
  kind: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { years: 40, firstPostgraduateOnly: true, categories: ['degree_master'] },
    description: 'Parameters of the kind (see docs/catalog.md).',
  })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'false switches this kind off at this level.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateRuleDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class RuleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) programId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) intakeId: string | null;
  @ApiProperty({ enum: RULE_KINDS }) kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) params: Record<string, unknown>;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ enum: ['default', 'program', 'intake'] }) level: string;
}

export class EligibilityQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  staffId: string;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, description: 'Judged only when given.' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @IsIn(TARGET_GROUPS)
  targetGroup?: 1 | 2 | 3;
}

export class MessageDto {
  @ApiProperty({ example: 'Cần có trình độ chuyên môn từ đại học trở lên.' }) vi: string;
  @ApiProperty({ example: 'Requires professional education of university or higher.' }) en: string;
}

export class RuleFailureDto {
  @ApiProperty({ format: 'uuid' }) ruleId: string;
  @ApiProperty({ enum: RULE_KINDS }) kind: string;
  @ApiProperty({ type: MessageDto }) message: MessageDto;
}

export class VerdictDto {
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: [RuleFailureDto], description: 'Every failed rule, in a fixed order.' })
  failures: RuleFailureDto[];
  @ApiProperty({ enum: RULE_KINDS, isArray: true }) notEvaluated: string[];
}

class RecommendedIntakeRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty() location: string;
  @ApiProperty({ format: 'date' }) nominationClosesOn: string;
  @ApiProperty() seatsRemaining: number;
}

class RecommendedProgramRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() category: string;
  @ApiProperty() overseas: boolean;
}

class ClosedGapDto {
  @ApiProperty() requirement: string;
  @ApiProperty() required: number;
  @ApiProperty({ format: 'uuid' }) positionId: string;
  @ApiProperty({ description: 'For a planned position (planning pool), not the current one.' })
  planned: boolean;
}

export class RecommendedIntakeDto {
  @ApiProperty({ type: RecommendedIntakeRefDto }) intake: RecommendedIntakeRefDto;
  @ApiProperty({ type: RecommendedProgramRefDto }) program: RecommendedProgramRefDto;
  @ApiProperty({ type: [ClosedGapDto] }) closes: ClosedGapDto[];
  @ApiProperty({ type: VerdictDto }) verdict: VerdictDto;
}
