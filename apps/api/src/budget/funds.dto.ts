import {
  FUND_POLICIES,
  FUND_SOURCES,
  FundPolicy,
  FundSource,
  FundView,
  LEDGER_KINDS,
  LedgerEntryView,
  LedgerKind,
  ThresholdEventView,
} from '@app/budget';
import { basisPoints } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
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
} from 'class-validator';
import { PageQueryDto } from '../http/paging';
import { IsInstant, IsRecordCode, Nullable, QueryInteger } from '../http/validation';

/** Whole VND above zero, as a string of 1–15 digits. */
export const POSITIVE_VND = /^(?=\d*[1-9])\d{1,15}$/;
/** Whole VND other than zero, as a string of 1–15 digits with an optional minus sign. */
export const NONZERO_SIGNED_VND = /^-?(?=\d*[1-9])\d{1,15}$/;

/** Money as a string that matches `pattern`; numbers are refused so nothing passes through a float. */
function IsMoneyString(pattern: RegExp, what: string): PropertyDecorator {
  return (target, property) => {
    IsString({ message: `${String(property)} must be a string of digits (whole VND)` })(
      target,
      property,
    );
    Matches(pattern, { message: `${String(property)} must be ${what}` })(target, property);
  };
}

const MONEY_DOC = {
  type: String,
  pattern: '^\\d{1,15}$',
  example: '140000000000',
  description: 'Whole VND as a string of digits.',
};
const SIGNED_MONEY_DOC = {
  type: String,
  pattern: '^-?\\d{1,15}$',
  example: '-500000000',
  description: 'Whole VND as a string of digits; negative when the fund is short.',
};

/** Thresholds: 1–100, each once; stored in ascending order. */
function IsThresholds(): PropertyDecorator {
  return (target, property) => {
    IsOptional()(target, property);
    IsArray()(target, property);
    ArrayMaxSize(10)(target, property);
    ArrayUnique()(target, property);
    IsInt({ each: true })(target, property);
    Min(1, { each: true })(target, property);
    Max(100, { each: true })(target, property);
  };
}

const THRESHOLDS_DOC = {
  type: [Number] as [NumberConstructor],
  example: [80, 95],
  description:
    'Utilization percentages (1–100, each once) whose upward crossing is recorded as an event; stored in ascending order.',
};

export class CreateFundDto {
  @ApiProperty({ example: 'KP-DT-2026-NK' })
  @IsRecordCode()
  code: string;

  @ApiProperty({ example: 'Kinh phí đào tạo, bồi dưỡng 2026 – Quận Ninh Kiều' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear: number;

  @ApiProperty({ format: 'uuid', description: 'The unit that owns the fund.' })
  @IsUUID()
  ownerUnitId: string;

  @ApiProperty({ enum: FUND_SOURCES })
  @IsIn(FUND_SOURCES)
  source: FundSource;

  @ApiProperty({
    enum: FUND_POLICIES,
    description: 'stop: never below zero; warn: finance may go beyond with a reason.',
  })
  @IsIn(FUND_POLICIES)
  policy: FundPolicy;

  @ApiPropertyOptional({ ...THRESHOLDS_DOC, default: [80, 95] })
  @IsThresholds()
  thresholds?: number[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 100,
    description:
      'Warn finance when reserved + spent + in review reaches this percent of the allocation ' +
      '(default 90); null: no pipeline warning.',
  })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(100)
  pipelineWarningPercent?: number | null;

  @ApiProperty({ ...MONEY_DOC, description: 'The first allocation, whole VND above zero.' })
  @IsMoneyString(POSITIVE_VND, 'a positive whole VND amount of 1–15 digits, e.g. "140000000000"')
  allocated: string;
}

/** Settings only: balances change through allocations, adjustments and the workflow. */
export class UpdateFundDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: FUND_POLICIES })
  @IsOptional()
  @IsIn(FUND_POLICIES)
  policy?: FundPolicy;

  @ApiPropertyOptional(THRESHOLDS_DOC)
  @IsThresholds()
  thresholds?: number[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 100,
    description:
      'Warn finance when reserved + spent + in review reaches this percent of the allocation ' +
      '(default 90); null: no pipeline warning.',
  })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(100)
  pipelineWarningPercent?: number | null;

  @ApiPropertyOptional({
    enum: ['open', 'closed'],
    description: 'A closed fund takes no new commitments.',
  })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}

export class AllocationDto {
  @ApiProperty({ ...MONEY_DOC, description: 'New money, whole VND above zero.' })
  @IsMoneyString(POSITIVE_VND, 'a positive whole VND amount of 1–15 digits, e.g. "500000000"')
  amount: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Bổ sung dự toán đợt 2' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class AdjustmentDto {
  @ApiProperty({
    ...SIGNED_MONEY_DOC,
    description: 'Raises (positive) or lowers (negative) the allocation; never zero.',
  })
  @IsMoneyString(
    NONZERO_SIGNED_VND,
    'a non-zero whole VND amount of 1–15 digits, optionally negative, e.g. "-500000000"',
  )
  amount: string;

  @ApiProperty({ maxLength: 500, example: 'Điều chỉnh giảm theo Quyết định số 12/QĐ-UBND' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class FundQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Fiscal year.' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerUnitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The tier of the owner unit.' })
  @IsOptional()
  @IsUUID()
  tierId?: string;

  @ApiPropertyOptional({ enum: FUND_SOURCES })
  @IsOptional()
  @IsIn(FUND_SOURCES)
  source?: FundSource;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({
    enum: ['json', 'csv', 'xlsx'],
    description: 'csv / xlsx: every matching line, not a page (overrides the Accept header).',
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';
}

export class LedgerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LEDGER_KINDS })
  @IsOptional()
  @IsIn(LEDGER_KINDS)
  kind?: LedgerKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  nominationId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this instant.' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries before this instant.' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({
    enum: ['json', 'csv', 'xlsx'],
    description: 'csv / xlsx: every matching line, not a page (overrides the Accept header).',
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';
}

export class SummaryQueryDto {
  @ApiPropertyOptional({ description: 'Fiscal year; all years when omitted.' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class ThresholdEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  fundId?: string;
}

export class FundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) ownerUnitId: string;
  @ApiProperty() ownerUnitName: string;
  @ApiProperty({ format: 'uuid', description: 'The owner unit’s tier.' }) tierId: string;
  @ApiProperty() tierLevel: number;
  @ApiProperty() tierCode: string;
  @ApiProperty() tierName: string;
  @ApiProperty({ enum: FUND_SOURCES }) source: FundSource;
  @ApiProperty({ enum: FUND_POLICIES }) policy: FundPolicy;
  @ApiProperty({ type: [Number] }) thresholds: number[];
  @ApiProperty({ type: Number, nullable: true, description: 'See pipelineWarningPercent.' })
  pipelineWarningPercent: number | null;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty(MONEY_DOC) allocated: string;
  @ApiProperty(MONEY_DOC) reserved: string;
  @ApiProperty(MONEY_DOC) spent: string;
  @ApiProperty({ ...SIGNED_MONEY_DOC, description: 'allocated − reserved − spent.' })
  available: string;
  @ApiProperty({
    description: '(reserved + spent) / allocated in percent, rounded down to 2 decimals.',
  })
  utilizationPercent: number;
  @ApiProperty({
    ...MONEY_DOC,
    description: 'Nominations under review that would draw on the fund.',
  })
  pipeline: string;
  @ApiProperty({ description: '(reserved + spent + pipeline) / allocated in percent.' })
  pipelineUtilizationPercent: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class FundPageDto {
  @ApiProperty({ type: [FundDto] }) items: FundDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class LedgerNominationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ example: 'Trần Thị Bích' }) nomineeName: string;
  @ApiProperty({ example: 'CNKT-2027-1' }) intakeCode: string;
  @ApiProperty({ description: 'The intake’s programme.' }) intakeName: string;
}

export class LedgerEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: LEDGER_KINDS }) kind: LedgerKind;
  @ApiProperty({ ...SIGNED_MONEY_DOC, description: 'Only adjustments may be negative.' })
  amount: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) nominationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: String, nullable: true }) overrideReason: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ type: String, nullable: true, description: 'Null for the system.' })
  actorName: string | null;
  @ApiProperty({
    type: LedgerNominationDto,
    nullable: true,
    description: 'The nomination the entry is for, when it is for one.',
  })
  nomination: LedgerNominationDto | null;
}

export class LedgerPageDto {
  @ApiProperty({ type: [LedgerEntryDto] }) items: LedgerEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class FundSummaryRowDto {
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ format: 'uuid' }) tierId: string;
  @ApiProperty() tierLevel: number;
  @ApiProperty() tierCode: string;
  @ApiProperty() tierName: string;
  @ApiProperty({ enum: FUND_SOURCES }) source: FundSource;
  @ApiProperty({ description: 'How many funds the row adds up.' }) funds: number;
  @ApiProperty(MONEY_DOC) allocated: string;
  @ApiProperty(MONEY_DOC) reserved: string;
  @ApiProperty(MONEY_DOC) spent: string;
  @ApiProperty(SIGNED_MONEY_DOC) available: string;
  @ApiProperty({ description: '(reserved + spent) / allocated in percent, rounded down.' })
  utilizationPercent: number;
  @ApiProperty({ description: 'This row’s allocation as a percentage of the year’s.' })
  shareOfYearPercent: number;
  @ApiProperty({
    description: 'The source’s allocation (all tiers) as a percentage of the year’s.',
  })
  sourceSharePercent: number;
}

export class FundSummaryDto {
  @ApiProperty({ type: [FundSummaryRowDto] }) items: FundSummaryRowDto[];
}

export class ThresholdEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() fundCode: string;
  @ApiProperty() threshold: number;
  @ApiProperty({ description: 'Utilization when the threshold was crossed, in percent.' })
  utilizationPercent: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) nominationId: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: Date;
}

export class ThresholdEventPageDto {
  @ApiProperty({ type: [ThresholdEventDto] }) items: ThresholdEventDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ReconciliationDifferenceDto {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() fundCode: string;
  @ApiProperty(MONEY_DOC) allocated: string;
  @ApiProperty(MONEY_DOC) ledgerAllocated: string;
  @ApiProperty(MONEY_DOC) reserved: string;
  @ApiProperty(MONEY_DOC) ledgerReserved: string;
  @ApiProperty(MONEY_DOC) spent: string;
  @ApiProperty(MONEY_DOC) ledgerSpent: string;
}

export class ReconciliationDto {
  @ApiProperty({
    type: [ReconciliationDifferenceDto],
    description: 'Funds whose balances differ from their ledger; empty when all agree.',
  })
  differences: ReconciliationDifferenceDto[];
}

const percentOf = (part: bigint, whole: bigint) => basisPoints(part, whole) / 100;

export function toFundDto(fund: FundView): FundDto {
  const committed = fund.reserved + fund.spent;
  return {
    id: fund.id,
    code: fund.code,
    name: fund.name,
    fiscalYear: fund.fiscalYear,
    ownerUnitId: fund.ownerUnitId,
    ownerUnitName: fund.ownerUnitName,
    tierId: fund.tierId,
    tierLevel: fund.tierLevel,
    tierCode: fund.tierCode,
    tierName: fund.tierName,
    source: fund.source,
    policy: fund.policy,
    thresholds: fund.thresholds,
    pipelineWarningPercent: fund.pipelineWarningPercent,
    status: fund.status,
    allocated: fund.allocated.toString(),
    reserved: fund.reserved.toString(),
    spent: fund.spent.toString(),
    available: fund.available.toString(),
    utilizationPercent: percentOf(committed, fund.allocated),
    pipeline: fund.pipeline.toString(),
    pipelineUtilizationPercent: percentOf(committed + fund.pipeline, fund.allocated),
    createdAt: fund.createdAt,
    updatedAt: fund.updatedAt,
  };
}

export const toLedgerEntryDto = (entry: LedgerEntryView): LedgerEntryDto => ({
  ...entry,
  amount: entry.amount.toString(),
});

export const toThresholdEventDto = (event: ThresholdEventView): ThresholdEventDto => event;
