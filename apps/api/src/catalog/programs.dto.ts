import {
  Program,
  PROGRAM_CATEGORIES,
  PROGRAM_MODES,
  ProgramCategory,
  ProgramMode,
  QUALIFICATION_KINDS,
  QualificationKind,
} from '@app/catalog';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
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
import { IsRecordCode, Nullable, queryBoolean } from '../http/validation';

export class CreateProgramDto {
  @ApiProperty({ example: 'CCLLCT-2026' })
  @IsRecordCode()
  code: string;

  @ApiProperty({ example: 'Cao cấp lý luận chính trị' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: PROGRAM_CATEGORIES })
  @IsIn(PROGRAM_CATEGORIES)
  category: ProgramCategory;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  providerId: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  overseas?: boolean;

  @ApiProperty({ enum: PROGRAM_MODES })
  @IsIn(PROGRAM_MODES)
  mode: ProgramMode;

  @ApiProperty({ minimum: 0, maximum: 120, example: 8 })
  @IsInt()
  @Min(0)
  @Max(120)
  durationMonths: number;

  @ApiPropertyOptional({
    enum: QUALIFICATION_KINDS,
    nullable: true,
    description: 'The scale completing it raises; given together with grantsLevel.',
  })
  @Nullable()
  @IsIn(QUALIFICATION_KINDS)
  grantsKind?: QualificationKind | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 6,
    description: 'education 1–5, political_theory 1–3, fostering 1–3, foreign_language 1–6.',
  })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(6)
  grantsLevel?: number | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const PROGRAM_DEFAULTS = {
  overseas: false,
  grantsKind: null,
  grantsLevel: null,
  active: true,
} as const;

export class UpdateProgramDto extends PartialType(CreateProgramDto) {}

export class ProgramDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PROGRAM_CATEGORIES }) category: ProgramCategory;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() overseas: boolean;
  @ApiProperty({ enum: PROGRAM_MODES }) mode: ProgramMode;
  @ApiProperty() durationMonths: number;
  @ApiProperty({ enum: QUALIFICATION_KINDS, nullable: true }) grantsKind: QualificationKind | null;
  @ApiProperty({ type: Number, nullable: true }) grantsLevel: number | null;
  @ApiProperty() active: boolean;
}

export class ProgramQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROGRAM_CATEGORIES })
  @IsOptional()
  @IsIn(PROGRAM_CATEGORIES)
  category?: ProgramCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overseas?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({ description: 'Part of the code or name.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ProgramPageDto {
  @ApiProperty({ type: [ProgramDto] }) items: ProgramDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export const toProgramDto = (program: Program): ProgramDto => ({
  id: program.id,
  code: program.code,
  name: program.name,
  category: program.category,
  providerId: program.providerId,
  overseas: program.overseas,
  mode: program.mode,
  durationMonths: program.durationMonths,
  grantsKind: program.grantsKind,
  grantsLevel: program.grantsLevel,
  active: program.active,
});
