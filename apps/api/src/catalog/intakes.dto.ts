import { FUNDING_SOURCES, FundingSource, IntakeView } from '@app/catalog';
import { VND_PATTERN } from '@app/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../http/paging';
import { IsDay, IsRecordCode, Nullable, queryBoolean } from '../http/validation';

const MAX_SEATS = 100_000;

/** Whole VND as a string of 1–15 digits; numbers are refused so nothing passes through a float. */
function IsMoney(): PropertyDecorator {
  return (target, property) => {
    IsString({ message: `${String(property)} must be a string of digits (whole VND)` })(
      target,
      property,
    );
    Matches(VND_PATTERN, {
      message: `${String(property)} must be 1–15 digits of whole VND, e.g. "140000000000"`,
    })(target, property);
  };
}

const MONEY_DOC = {
  type: String,
  pattern: '^\\d{1,15}$',
  example: '140000000000',
  description: 'Whole VND as a string of digits.',
};

export class CostsInputDto {
  @ApiPropertyOptional({ ...MONEY_DOC, default: '0' })
  @IsOptional()
  @IsMoney()
  tuition?: string;

  @ApiPropertyOptional({ ...MONEY_DOC, default: '0' })
  @IsOptional()
  @IsMoney()
  allowances?: string;

  @ApiPropertyOptional({ ...MONEY_DOC, default: '0' })
  @IsOptional()
  @IsMoney()
  travel?: string;

  @ApiPropertyOptional({ ...MONEY_DOC, default: '0' })
  @IsOptional()
  @IsMoney()
  other?: string;
}

export class QuotaInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Seats for a tier; or give ownerUnitId.' })
  @IsOptional()
  @IsUUID()
  tierId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Seats for a fund-owner unit.' })
  @IsOptional()
  @IsUUID()
  ownerUnitId?: string;

  @ApiProperty({ minimum: 0, maximum: MAX_SEATS })
  @IsInt()
  @Min(0)
  @Max(MAX_SEATS)
  seats: number;
}

export class CreateIntakeDto {
  @ApiProperty({ example: 'CCLLCT-2026-K1' })
  @IsRecordCode()
  code: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programId: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The management authority whose board reviewers may manage the intake.',
  })
  @Nullable()
  @IsUUID()
  authorityId?: string | null;

  @ApiProperty({ format: 'date', example: '2026-09-01' })
  @IsDay()
  startsOn: string;

  @ApiProperty({ format: 'date', example: '2027-04-30' })
  @IsDay()
  endsOn: string;

  @ApiProperty({ example: 'Phân viện Học viện Chính trị khu vực IV, Cần Thơ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  location: string;

  @ApiProperty({ minimum: 0, maximum: MAX_SEATS })
  @IsInt()
  @Min(0)
  @Max(MAX_SEATS)
  seatsTotal: number;

  @ApiProperty({ format: 'date', example: '2026-06-01' })
  @IsDay()
  nominationOpensOn: string;

  @ApiProperty({ format: 'date', example: '2026-07-15' })
  @IsDay()
  nominationClosesOn: string;

  @ApiPropertyOptional({ type: CostsInputDto, description: 'Omitted amounts are 0 on create.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CostsInputDto)
  costs?: CostsInputDto;

  @ApiPropertyOptional({ enum: FUNDING_SOURCES, isArray: true, default: ['state_budget'] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(FUNDING_SOURCES, { each: true })
  allowedSources?: FundingSource[];

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  learnerSharePercent?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: [QuotaInputDto],
    description: 'Seats reserved per tier or owner unit; on PATCH the list replaces all quotas.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => QuotaInputDto)
  quotas?: QuotaInputDto[];
}

export const INTAKE_DEFAULTS = {
  authorityId: null,
  allowedSources: ['state_budget'] as FundingSource[],
  learnerSharePercent: 0,
  active: true,
  quotas: [] as QuotaInputDto[],
};

/** Given costs replace only the amounts they name; given quotas replace all quotas. */
export class UpdateIntakeDto extends PartialType(CreateIntakeDto) {}

export class CostsDto {
  @ApiProperty(MONEY_DOC) tuition: string;
  @ApiProperty(MONEY_DOC) allowances: string;
  @ApiProperty(MONEY_DOC) travel: string;
  @ApiProperty(MONEY_DOC) other: string;
}

export class QuotaDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) tierId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerUnitId: string | null;
  @ApiProperty() seats: number;
  @ApiProperty() seatsTaken: number;
  @ApiProperty() seatsRemaining: number;
}

export class IntakeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorityId: string | null;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty() location: string;
  @ApiProperty() seatsTotal: number;
  @ApiProperty({ description: 'Seats of approved nominations, kept by the workflow.' })
  seatsTaken: number;
  @ApiProperty() seatsRemaining: number;
  @ApiProperty({ format: 'date' }) nominationOpensOn: string;
  @ApiProperty({ format: 'date' }) nominationClosesOn: string;
  @ApiProperty({ type: CostsDto }) costs: CostsDto;
  @ApiProperty({ ...MONEY_DOC, description: 'The four costs added up, whole VND.' })
  costTotal: string;
  @ApiProperty({ enum: FUNDING_SOURCES, isArray: true }) allowedSources: FundingSource[];
  @ApiProperty() learnerSharePercent: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [QuotaDto] }) quotas: QuotaDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class IntakeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({
    description:
      'true: today (Vietnam time) lies within the nomination window; false: it does not.',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'Starts on or after this day.' })
  @IsOptional()
  @IsDay()
  startsFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Starts on or before this day.' })
  @IsOptional()
  @IsDay()
  startsTo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;
}

export class IntakePageDto {
  @ApiProperty({ type: [IntakeDto] }) items: IntakeDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export function toIntakeDto({ intake, quotas }: IntakeView): IntakeDto {
  const total = intake.costTuition + intake.costAllowances + intake.costTravel + intake.costOther;
  return {
    id: intake.id,
    code: intake.code,
    programId: intake.programId,
    authorityId: intake.authorityId,
    startsOn: intake.startsOn,
    endsOn: intake.endsOn,
    location: intake.location,
    seatsTotal: intake.seatsTotal,
    seatsTaken: intake.seatsTaken,
    seatsRemaining: intake.seatsTotal - intake.seatsTaken,
    nominationOpensOn: intake.nominationOpensOn,
    nominationClosesOn: intake.nominationClosesOn,
    costs: {
      tuition: intake.costTuition.toString(),
      allowances: intake.costAllowances.toString(),
      travel: intake.costTravel.toString(),
      other: intake.costOther.toString(),
    },
    costTotal: total.toString(),
    allowedSources: intake.allowedSources,
    learnerSharePercent: intake.learnerSharePercent,
    active: intake.active,
    quotas: quotas.map((quota) => ({
      id: quota.id,
      tierId: quota.tierId,
      ownerUnitId: quota.ownerUnitId,
      seats: quota.seats,
      seatsTaken: quota.seatsTaken,
      seatsRemaining: quota.seats - quota.seatsTaken,
    })),
    createdAt: intake.createdAt,
    updatedAt: intake.updatedAt,
  };
}
