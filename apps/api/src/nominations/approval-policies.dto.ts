import { PROGRAM_CATEGORIES } from '@app/catalog';
import { VND_PATTERN } from '@app/common';
import { STEP_AUTHORITIES, STEP_ROLES, StepAuthority, StepRole } from '@app/nominations';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Nullable } from '../http/validation';

const AMOUNT = { message: 'amount must be a string of whole VND digits, e.g. "500000000"' };

export class CommitteeRuleDto {
  @ApiProperty({
    oneOf: [
      { type: 'string', enum: ['majority'] },
      { type: 'integer', minimum: 1, maximum: 50 },
    ],
    description: '"majority" (more than half of the members) or at least this many approvals.',
  })
  @IsDefined()
  quorum: 'majority' | number;

  @ApiPropertyOptional({ description: 'A single rejection rejects.' })
  @IsOptional()
  @IsBoolean()
  veto?: boolean;
}

export class PolicyStepDto {
  @ApiProperty({ enum: STEP_ROLES })
  @IsIn(STEP_ROLES)
  role: StepRole;

  @ApiProperty({
    enum: STEP_AUTHORITIES,
    description:
      'managing: the nominee’s managing authority; named: authorityId; fund_owner: each paying fund’s owner (finance over the owner unit, a board role of the owner’s Standing Committee).',
  })
  @IsIn(STEP_AUTHORITIES)
  authority: StepAuthority;

  @ApiPropertyOptional({ format: 'uuid', description: 'The named authority (named only).' })
  @IsOptional()
  @IsUUID()
  authorityId?: string;

  @ApiPropertyOptional({ type: CommitteeRuleDto, description: 'The holders decide together.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommitteeRuleDto)
  committee?: CommitteeRuleDto;

  @ApiPropertyOptional({
    example: '500000000',
    description: 'fund_owner only: an owner counts when its funds pay at least this (whole VND).',
  })
  @IsOptional()
  @Matches(VND_PATTERN, AMOUNT)
  minFundAmount?: string;

  @ApiPropertyOptional({
    description:
      'fund_owner only: an owner counts when its tier is above the nominee’s managing authority’s.',
  })
  @IsOptional()
  @IsBoolean()
  onlyHigherTier?: boolean;
}

export class CreatePolicyDto {
  @ApiProperty({ minimum: 1, description: 'Policies are tried in ascending priority; unique.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  priority: number;

  @ApiProperty({ example: 'Kinh phí thành phố từ 500 triệu: Ban Thường vụ Thành ủy' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The nominee’s managing authority.',
  })
  @Nullable()
  @IsUUID()
  matchAuthorityId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The nominee’s unit tier.',
  })
  @Nullable()
  @IsUUID()
  matchTierId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Matches when any paying fund’s owner unit is in this tier.',
  })
  @Nullable()
  @IsUUID()
  matchFundOwnerTierId?: string | null;

  @ApiPropertyOptional({ enum: PROGRAM_CATEGORIES, isArray: true, nullable: true })
  @Nullable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROGRAM_CATEGORIES.length)
  @IsIn(PROGRAM_CATEGORIES, { each: true })
  matchCategories?: string[] | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @Nullable()
  @IsBoolean()
  matchOverseas?: boolean | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '200000000',
    description: 'Matches an estimated cost at or above this (whole VND).',
  })
  @Nullable()
  @Matches(VND_PATTERN, AMOUNT)
  matchMinCost?: string | null;

  @ApiProperty({ type: [PolicyStepDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PolicyStepDto)
  steps: PolicyStepDto[];
}

export class UpdatePolicyDto extends PartialType(CreatePolicyDto) {
  @ApiProperty({ description: 'The version read; another version is POLICY_VERSION_CONFLICT.' })
  @IsInt()
  @Min(1)
  version: number;
}

export class PolicyStepViewDto extends OmitType(PolicyStepDto, ['committee']) {
  @ApiPropertyOptional({ type: CommitteeRuleDto }) committee?: CommitteeRuleDto;
  @ApiProperty({ type: String, nullable: true, example: 'Ban Thường vụ Thành ủy Cần Thơ' })
  authorityName: string | null;
}

export class PolicyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() priority: number;
  @ApiProperty() name: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Send it back in a PATCH.' }) version: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) matchAuthorityId: string | null;
  @ApiProperty({ type: String, nullable: true }) matchAuthorityName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) matchTierId: string | null;
  @ApiProperty({ type: String, nullable: true }) matchTierName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  matchFundOwnerTierId: string | null;
  @ApiProperty({ type: String, nullable: true }) matchFundOwnerTierName: string | null;
  @ApiProperty({ enum: PROGRAM_CATEGORIES, isArray: true, nullable: true })
  matchCategories: string[] | null;
  @ApiProperty({ type: Boolean, nullable: true }) matchOverseas: boolean | null;
  @ApiProperty({ type: String, nullable: true, example: '200000000' })
  matchMinCost: string | null;
  @ApiProperty({ type: [PolicyStepViewDto] }) steps: PolicyStepViewDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class PolicyVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The whole policy.' })
  snapshot: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) changedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) changedByName: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt: Date;
}

export class PolicyDetailDto extends PolicyDto {
  @ApiProperty({ type: [PolicyVersionDto], description: 'Newest first.' })
  versions: PolicyVersionDto[];
}

export class PolicyWarningDto {
  @ApiProperty({ example: 'steps[1]' }) field: string;
  @ApiProperty({ description: '1-based position of the step in the policy.' }) position: number;
  @ApiProperty({ enum: STEP_ROLES }) role: string;
  @ApiProperty({ format: 'uuid' }) authorityId: string;
  @ApiProperty({ type: String, nullable: true }) authorityName: string | null;
  @ApiProperty({ enum: ['NO_HOLDER', 'QUORUM_UNREACHABLE'] }) code: string;
  @ApiProperty() message: string;
}

export class SavedPolicyDto extends PolicyDto {
  @ApiProperty({
    type: [PolicyWarningDto],
    description: 'Steps nobody could act on today; the policy is saved anyway.',
  })
  warnings: PolicyWarningDto[];
}

const COST_LINE = /^[0-9a-fA-F-]{36}:\d{1,15}$/;

export class PreviewQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  staffId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  intakeId: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['6f1c…-…:950000000'],
    description: 'Repeat for each cost line: `costLine=<fundId>:<amount>` (whole VND).',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(COST_LINE, { each: true, message: 'each costLine must be <fundId>:<whole VND digits>' })
  costLine?: string[];
}

class MessageDto {
  @ApiProperty() vi: string;
  @ApiProperty() en: string;
}

class HolderDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

class PreviewStepDto {
  @ApiProperty() position: number;
  @ApiProperty({ enum: STEP_ROLES }) role: string;
  @ApiProperty({ type: MessageDto }) roleLabel: MessageDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorityId: string | null;
  @ApiProperty({ type: String, nullable: true }) authorityName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty({ type: CommitteeRuleDto, nullable: true }) committee: CommitteeRuleDto | null;
  @ApiProperty({ type: [HolderDto], description: 'Who holds the step’s role today.' })
  holders: HolderDto[];
}

class PreviewWarningDto {
  @ApiProperty() position: number;
  @ApiProperty({ enum: STEP_ROLES }) role: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorityId: string | null;
  @ApiProperty({ type: String, nullable: true }) authorityName: string | null;
  @ApiProperty({ enum: ['NO_HOLDER'] }) code: string;
  @ApiProperty() message: string;
}

class PreviewPolicyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() priority: number;
}

export class PolicyPreviewDto {
  @ApiProperty({ example: '40500000', description: 'The intake’s cost per place.' })
  estimatedCost: string;
  @ApiProperty({ type: PreviewPolicyDto, nullable: true, description: 'null: none matches.' })
  policy: PreviewPolicyDto | null;
  @ApiProperty({ type: [PreviewStepDto] }) steps: PreviewStepDto[];
  @ApiProperty({ type: [PreviewWarningDto] }) warnings: PreviewWarningDto[];
}
