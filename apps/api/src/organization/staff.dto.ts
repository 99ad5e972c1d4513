import { EMPLOYMENT_STATUSES, GENDERS, StaffMember } from '@app/organization';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../http/paging';
import { IsDay, IsRecordCode, Nullable, queryBoolean } from '../http/validation';

export class CreateStaffDto {
  @ApiProperty({ example: 'CB-000123' })
  @IsRecordCode()
  code: string;

  @ApiProperty({ example: 'Nguyễn Thị Hồng' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ format: 'date', example: '1986-04-30' })
  @IsDay()
  birthDate: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender: (typeof GENDERS)[number];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  ethnicMinority?: boolean;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID()
  positionId?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 4,
    description: '1 cán sự … 4 chuyên viên cao cấp',
  })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(4)
  civilServiceRank?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 5,
    description: '1 intermediate … 3 university, 4 master, 5 doctor',
  })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(5)
  educationLevel?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Kinh tế nông nghiệp' })
  @Nullable()
  @IsString()
  @MaxLength(200)
  educationField?: string | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 3,
    default: 0,
    description: '0 none, 1 elementary, 2 intermediate, 3 advanced',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3)
  politicalTheory?: number;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 3 })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(3)
  fosteringRank?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 6 })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(6)
  languageLevel?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @Nullable()
  @IsDay()
  joinedServiceOn?: string | null;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  authorityId: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(EMPLOYMENT_STATUSES)
  employmentStatus?: string;
}

export class UpdateStaffDto extends PartialType(CreateStaffDto) {}

/** What a new record gets for each field left out. */
export const STAFF_DEFAULTS = {
  ethnicMinority: false,
  positionId: null,
  civilServiceRank: null,
  educationLevel: null,
  educationField: null,
  politicalTheory: 0,
  fosteringRank: null,
  languageLevel: null,
  joinedServiceOn: null,
  employmentStatus: 'active',
} as const;

export class StaffDto extends CreateStaffDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
}

export class StaffQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Name, diacritics and case ignored: "nguyen van a" finds "Nguyễn Văn A".',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only staff in this unit’s subtree.' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  tierId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  positionId?: string;

  @ApiPropertyOptional({ description: 'true: below their position’s standard; false: meeting it.' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  belowStandard?: boolean;

  @ApiPropertyOptional({ enum: EMPLOYMENT_STATUSES })
  @IsOptional()
  @IsIn(EMPLOYMENT_STATUSES)
  employmentStatus?: string;
}

export class StaffPageDto {
  @ApiProperty({ type: [StaffDto] })
  items: StaffDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}

export class StandardGapDto {
  @ApiProperty({ enum: ['education', 'political_theory', 'fostering', 'foreign_language'] })
  requirement: string;

  @ApiProperty()
  required: number;

  @ApiProperty({ type: Number, nullable: true })
  actual: number | null;

  @ApiProperty({ example: 'university' })
  requiredName: string;

  @ApiProperty({ type: String, nullable: true })
  actualName: string | null;
}

export class PositionRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;
}

export class GapReportDto {
  @ApiProperty({ type: PositionRefDto, nullable: true })
  position: PositionRefDto | null;

  @ApiProperty({ type: [StandardGapDto] })
  gaps: StandardGapDto[];

  @ApiProperty()
  meetsStandard: boolean;
}

export class PlannedGapReportDto extends GapReportDto {
  @ApiProperty({ example: 2025 })
  periodFrom: number;

  @ApiProperty({ example: 2030 })
  periodTo: number;
}

export class StandardGapsDto {
  @ApiProperty({ type: GapReportDto })
  current: GapReportDto;

  @ApiProperty({ type: [PlannedGapReportDto] })
  planned: PlannedGapReportDto[];
}

/** The API's view of a staff record: no derived or internal columns. */
export function toStaffDto(staff: StaffMember): StaffDto {
  return {
    id: staff.id,
    code: staff.code,
    fullName: staff.fullName,
    birthDate: staff.birthDate,
    gender: staff.gender as StaffDto['gender'],
    ethnicMinority: staff.ethnicMinority,
    unitId: staff.unitId,
    positionId: staff.positionId,
    civilServiceRank: staff.civilServiceRank,
    educationLevel: staff.educationLevel,
    educationField: staff.educationField,
    politicalTheory: staff.politicalTheory,
    fosteringRank: staff.fosteringRank,
    languageLevel: staff.languageLevel,
    joinedServiceOn: staff.joinedServiceOn,
    authorityId: staff.authorityId,
    employmentStatus: staff.employmentStatus,
  };
}

export class PlanningPoolEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  positionId: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  periodFrom: number;

  @ApiProperty({ example: 2030 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  periodTo: number;
}

export class PlanningPoolDto {
  @ApiProperty({ type: [PlanningPoolEntryDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PlanningPoolEntryDto)
  entries: PlanningPoolEntryDto[];
}
