import { UNIT_KINDS } from '@app/organization';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../http/paging';
import { IsRecordCode, Nullable } from '../http/validation';

export class CreateTierDto {
  @ApiProperty({ example: 'commune' })
  @IsRecordCode()
  code: string;

  @ApiProperty({ example: 'Cấp xã' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 3, description: '1 is the top tier' })
  @IsInt()
  @Min(1)
  @Max(10)
  level: number;
}

export class TierDto extends CreateTierDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'NK-UBND' })
  @IsRecordCode()
  code: string;

  @ApiProperty({ example: 'Ủy ban nhân dân quận Ninh Kiều' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  tierId: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const UNIT_DEFAULTS = { parentId: null, active: true } as const;

/** A new parentId or tierId moves the unit with its subtree; the old placement is kept. */
export class UpdateUnitDto extends PartialType(CreateUnitDto) {}

export class UnitDto extends CreateUnitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Ids from the root, "/<root>/.../<id>/".' })
  path: string;
}

export class AuthorityQueryDto {
  @ApiPropertyOptional({
    description: 'Name (diacritics and case ignored: "ha noi" finds "Hà Nội") or code.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UnitQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Name (diacritics and case ignored: "hau giang" finds "Hậu Giang") or code.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  tierId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only units in this unit’s subtree.' })
  @IsOptional()
  @IsUUID()
  withinUnitId?: string;
}

export class UnitPageDto {
  @ApiProperty({ type: [UnitDto] }) items: UnitDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class UnitPlacementDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) parentId: string | null;
  @ApiProperty({ format: 'uuid' }) tierId: string;
  @ApiProperty({ format: 'date-time' }) validFrom: Date;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) validTo: Date | null;
}

export class CreatePositionDto {
  @ApiProperty({ example: 'PCT-UBND-XA' })
  @IsRecordCode()
  code: string;

  @ApiProperty({ example: 'Phó Chủ tịch UBND xã' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  isLeadership?: boolean;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 5, nullable: true })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(5)
  minEducation?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 3, nullable: true })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(3)
  minPoliticalTheory?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 3, nullable: true })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(3)
  minFosteringRank?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 6, nullable: true })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(6)
  minLanguageLevel?: number | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdatePositionDto extends PartialType(CreatePositionDto) {}

export const POSITION_DEFAULTS = {
  isLeadership: false,
  minEducation: null,
  minPoliticalTheory: null,
  minFosteringRank: null,
  minLanguageLevel: null,
  active: true,
} as const;

export class PositionDto extends CreatePositionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
}

export class CreateAuthorityDto {
  @ApiProperty({ example: 'BTV-NK' })
  @IsRecordCode()
  code: string;

  @ApiProperty({ example: 'Ban Thường vụ Quận ủy Ninh Kiều' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'standing_committee' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  kind: string;

  @ApiProperty({ format: 'uuid', description: 'The unit the authority sits in.' })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    enum: ['separate', 'one_list'],
    default: 'separate',
    description:
      'How a meeting’s approvals are issued when the batch request gives no issueAs: a decision each, or one decision with an attached list.',
  })
  @IsOptional()
  @IsIn(['separate', 'one_list'])
  decisionIssue?: 'separate' | 'one_list';
}

export class UpdateAuthorityDto extends PartialType(CreateAuthorityDto) {}

export const AUTHORITY_DEFAULTS = { active: true, decisionIssue: 'separate' } as const;

export class AuthorityDto extends CreateAuthorityDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
}
