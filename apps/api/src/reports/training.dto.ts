import { PROGRAM_CATEGORIES } from '@app/catalog';
import {
  AGE_BANDS,
  PARTICIPATION_STATUSES,
  ParticipationStatus,
  TARGET_KINDS,
  TARGET_PATTERN,
  TargetKind,
} from '@app/reports';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { PageQueryDto } from '../http/paging';
import { IsDay, IsRecordCode, Nullable } from '../http/validation';
import { ReportFormatQueryDto } from './report-query.dto';

/** A positive decimal of at most 10 digits and 2 decimals, as a number or a string. */
function IsTargetValue(): PropertyDecorator {
  return ValidateBy({
    name: 'isPositiveDecimal',
    validator: {
      validate: (value: unknown) =>
        (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) &&
        TARGET_PATTERN.test(String(value)),
      defaultMessage: () =>
        'target must be a positive number with at most 10 digits and 2 decimals, e.g. 300 or "35.5"',
    },
  });
}

const FROM_DOC = {
  format: 'date',
  example: '2016-01-01',
  description:
    'First intake start date counted (default: 1 January of the current year in Vietnam).',
};
const TO_DOC = {
  format: 'date',
  example: '2020-12-31',
  description:
    'Last intake start date counted, on or after `from` (default: 31 December of the current year).',
};
const UNIT_DOC = {
  format: 'uuid',
  description: 'Only participations of staff in this unit and its subtree.',
};

export class TrainingHeadlineQueryDto extends ReportFormatQueryDto {
  @ApiPropertyOptional(FROM_DOC)
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional(TO_DOC)
  @IsOptional()
  @IsDay()
  to?: string;

  @ApiPropertyOptional(UNIT_DOC)
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class TrainingSummaryQueryDto extends TrainingHeadlineQueryDto {
  @ApiPropertyOptional({
    enum: PARTICIPATION_STATUSES,
    description: 'Only participations in this status (default: all three).',
  })
  @IsOptional()
  @IsIn(PARTICIPATION_STATUSES)
  status?: ParticipationStatus;
}

export class TargetsReportQueryDto extends ReportFormatQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the targets set for this unit (with their parts).',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2020-12-31',
    description:
      'As-of date (default: today): participations whose intake starts after it are not counted yet.',
  })
  @IsOptional()
  @IsDay()
  at?: string;
}

export class TargetQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TARGET_KINDS })
  @IsOptional()
  @IsIn(TARGET_KINDS)
  kind?: TargetKind;
}

const FILTER_DOC = {
  type: 'object' as const,
  additionalProperties: true,
  example: { categories: ['degree_master', 'degree_doctor'] },
  description:
    'participations: `{ categories?: string[], overseas?: boolean }` (empty: every participation). ' +
    'staff_share: `{ population?: { leadership?: boolean, maxAge?: number, tierLevels?: number[] }, ' +
    'condition: { minLanguageLevel?: 1–6, minEducation?: 1–5, minPoliticalTheory?: 1–3 } }`. ' +
    'Unknown keys are refused.',
};
const TARGET_DOC = {
  oneOf: [{ type: 'string', pattern: '^\\d{1,10}(\\.\\d{1,2})?$' }, { type: 'number' }],
  example: '300',
  description:
    'Above zero, at most 2 decimals: a count of participations, or a percentage (at most 100) for staff_share.',
};

export class CreateTargetDto {
  @ApiProperty({ example: 'NQ05-SDH-2020' })
  @IsRecordCode()
  code: string;

  @ApiProperty({ example: 'Đào tạo mới thạc sĩ và tiến sĩ giai đoạn 2016–2020', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: TARGET_KINDS })
  @IsIn(TARGET_KINDS)
  kind: TargetKind;

  @ApiProperty({ format: 'date', example: '2016-01-01' })
  @IsDay()
  periodFrom: string;

  @ApiProperty({ format: 'date', example: '2020-12-31' })
  @IsDay()
  periodTo: string;

  @ApiProperty(TARGET_DOC)
  @IsTargetValue()
  target: string | number;

  @ApiPropertyOptional({ ...FILTER_DOC, default: {} })
  @IsOptional()
  @IsObject()
  filter?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The target this one is a part of ("trong đó"), of the same kind.',
  })
  @Nullable()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The unit whose subtree the target is for (null: the whole organization).',
  })
  @Nullable()
  @IsUUID()
  unitId?: string | null;
}

/** Every field but the kind may change; null clears parentId and unitId. */
export class UpdateTargetDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsRecordCode()
  code?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDay()
  periodFrom?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDay()
  periodTo?: string;

  @ApiPropertyOptional(TARGET_DOC)
  @IsOptional()
  @IsTargetValue()
  target?: string | number;

  @ApiPropertyOptional(FILTER_DOC)
  @IsOptional()
  @IsObject()
  filter?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID()
  unitId?: string | null;
}

export class TargetDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TARGET_KINDS }) kind: TargetKind;
  @ApiProperty({ format: 'date' }) periodFrom: string;
  @ApiProperty({ format: 'date' }) periodTo: string;
  @ApiProperty({ example: '300', description: 'Decimal as a string, without trailing zeros.' })
  target: string;
  @ApiProperty(FILTER_DOC) filter: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class TargetPageDto {
  @ApiProperty({ type: [TargetDto] }) items: TargetDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class LabelDto {
  @ApiProperty({ example: 'Thạc sĩ' }) vi: string;
  @ApiProperty({ example: 'Master' }) en: string;
}

export class StatusCountsDto {
  @ApiProperty({ description: 'Approved, not started yet.' }) approved: number;
  @ApiProperty() inTraining: number;
  @ApiProperty() completed: number;
  @ApiProperty({ description: 'approved + inTraining + completed.' }) total: number;
  @ApiProperty({
    description: 'Of the completed, those imported from the history before the product.',
  })
  imported: number;
}

class TierRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ example: 'Cấp huyện' }) name: string;
  @ApiProperty({ example: 2, description: '1 is the top tier.' }) level: number;
}

class ProviderRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ example: 'Trường Đại học Cần Thơ' }) name: string;
  @ApiProperty({ example: 'VN' }) country: string;
}

class CategoryTierYearRowDto extends StatusCountsDto {
  @ApiProperty({ enum: PROGRAM_CATEGORIES }) category: string;
  @ApiProperty({ type: LabelDto }) label: LabelDto;
  @ApiProperty({ type: TierRefDto, description: 'The tier of the nominee’s unit.' })
  tier: TierRefDto;
  @ApiProperty({ example: 2020, description: 'The year the intake starts.' }) year: number;
}

class ProviderRowDto extends StatusCountsDto {
  @ApiProperty({ type: ProviderRefDto }) provider: ProviderRefDto;
}

class LocationRowDto extends StatusCountsDto {
  @ApiProperty() overseas: boolean;
  @ApiProperty({ type: LabelDto }) label: LabelDto;
}

class GenderRowDto extends StatusCountsDto {
  @ApiProperty({ enum: ['female', 'male'] }) gender: 'female' | 'male';
  @ApiProperty({ type: LabelDto }) label: LabelDto;
}

class EthnicMinorityRowDto extends StatusCountsDto {
  @ApiProperty() ethnicMinority: boolean;
  @ApiProperty({ type: LabelDto }) label: LabelDto;
}

class AgeBandRowDto extends StatusCountsDto {
  @ApiProperty({ enum: AGE_BANDS.map((band) => band.key) }) ageBand: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Inclusive.' })
  fromAge: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Exclusive.' })
  belowAge: number | null;
  @ApiProperty({ type: LabelDto }) label: LabelDto;
}

export class TrainingSummaryDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ enum: PARTICIPATION_STATUSES, nullable: true })
  status: ParticipationStatus | null;
  @ApiProperty({ type: StatusCountsDto }) totals: StatusCountsDto;
  @ApiProperty({
    type: [CategoryTierYearRowDto],
    description: 'Programme category × tier × year; only combinations with participations.',
  })
  rows: CategoryTierYearRowDto[];
  @ApiProperty({ type: [ProviderRowDto], description: 'Most participations first.' })
  byProvider: ProviderRowDto[];
  @ApiProperty({ type: [LocationRowDto], description: 'Domestic, then overseas.' })
  byLocation: LocationRowDto[];
  @ApiProperty({ type: [GenderRowDto] }) byGender: GenderRowDto[];
  @ApiProperty({ type: [EthnicMinorityRowDto] }) byEthnicMinority: EthnicMinorityRowDto[];
  @ApiProperty({
    type: [AgeBandRowDto],
    description: 'Age at the intake’s start: under 30, 30–39, 40–49, 50 and over.',
  })
  byAgeBand: AgeBandRowDto[];
}

class HeadlineLineDto extends StatusCountsDto {
  @ApiProperty({ example: 'postgraduate' }) key: string;
  @ApiProperty({ type: LabelDto }) label: LabelDto;
  @ApiProperty({ type: String, nullable: true, example: 'degrees' }) parent: string | null;
  @ApiProperty({
    description: 'A part already counted in its siblings ("trong đó"): postgraduate.',
  })
  ofWhich: boolean;
  @ApiProperty({ enum: PROGRAM_CATEGORIES, isArray: true }) categories: string[];
}

export class TrainingHeadlineDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: [HeadlineLineDto] }) lines: HeadlineLineDto[];
}

class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class TargetProgressDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TARGET_KINDS }) kind: TargetKind;
  @ApiProperty({ format: 'date' }) periodFrom: string;
  @ApiProperty({ format: 'date' }) periodTo: string;
  @ApiProperty({ type: UnitRefDto, nullable: true }) unit: UnitRefDto | null;
  @ApiProperty(FILTER_DOC) filter: Record<string, unknown>;
  @ApiProperty({ example: '300' }) target: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '564',
    description:
      'participations: the count; staff_share: the share in percent with 2 decimals (null when nobody is in the population).',
  })
  actual: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '1.88',
    description: 'actual / target, rounded to 2 decimals.',
  })
  ratio: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) achieved: boolean | null;
  @ApiProperty({ type: Number, nullable: true, description: 'participations only.' })
  participations: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'staff_share: the population.' })
  population: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'staff_share: of them, meeting it.' })
  meeting: number | null;
  @ApiProperty({ type: () => [TargetProgressDto], description: 'Its parts ("trong đó").' })
  parts: TargetProgressDto[];
}

export class TargetsReportDto {
  @ApiProperty({ format: 'date' }) at: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: [TargetProgressDto] }) items: TargetProgressDto[];
}

export class ParticipationLineDto {
  @ApiProperty({ example: 'DT-2026-000123', description: 'Empty for an imported line.' })
  reference: string;
  @ApiProperty() nomineeCode: string;
  @ApiProperty({ example: 'Nguyễn Thị Hồng Nhung' }) nomineeName: string;
  @ApiProperty() unitName: string;
  @ApiProperty() tierName: string;
  @ApiProperty({ description: 'Empty for an imported line without a programme.' })
  programName: string;
  @ApiProperty({ example: 'Thạc sĩ', description: 'The category, in Vietnamese.' })
  category: string;
  @ApiProperty() providerName: string;
  @ApiProperty({ enum: ['Trong nước', 'Nước ngoài'] }) overseas: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ enum: ['Đã phê duyệt', 'Đang học', 'Đã hoàn thành'] }) status: string;
  @ApiProperty({ enum: ['Nữ', 'Nam'] }) gender: string;
  @ApiProperty() ethnicMinority: boolean;
  @ApiProperty({ description: 'Whole years at the intake’s start.' }) age: number;
  @ApiProperty({
    example: '40500000',
    nullable: true,
    type: String,
    description: 'Whole VND; for an imported line the cost it recorded (null when none).',
  })
  estimatedCost: string | null;
  @ApiProperty({ description: 'Imported from the history before the product.' })
  imported: boolean;
  @ApiProperty({ type: String, nullable: true, example: '12/QĐ-BTV' })
  decisionNumber: string | null;
  @ApiProperty({ description: 'The paying funds’ codes, joined by "; ".' }) fundCodes: string;
  @ApiProperty({ description: 'Their owner units, joined by "; ".' }) fundOwners: string;
  @ApiProperty({ description: 'Their sources in Vietnamese, joined by "; ".' })
  fundSources: string;
}

export class ParticipationsListDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ description: 'Every line of the period in scope.' }) total: number;
  @ApiProperty({ type: [ParticipationLineDto], description: 'The first 50; exports list all.' })
  firstLines: ParticipationLineDto[];
}
