import { MAX_TREND_POINTS, TREND_PERIODS, TrendPeriod } from '@app/reports';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsDay } from '../http/validation';
import { ReportFormatQueryDto } from './report-query.dto';
import { ComplianceTierDto, ComplianceUnitDto } from '../organization/compliance.dto';

export class ComplianceReportQueryDto extends ReportFormatQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only this unit and its subtree. Default: the whole organization, or the caller’s own subtree when the scope is one.',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2025-12-31',
    description:
      'Figures at this date, from the latest daily snapshot taken on or before it (named in `snapshotDate`). Without it: live.',
  })
  @IsOptional()
  @IsDay()
  at?: string;

  @ApiPropertyOptional({
    enum: ['tier', 'unit'],
    default: 'tier',
    description:
      '`tier`: one group per tier. `unit`: one group per direct child of the unit (with its subtree), plus the unit itself for its own staff.',
  })
  @IsOptional()
  @IsIn(['tier', 'unit'])
  groupBy?: 'tier' | 'unit';
}

export class ComplianceTrendQueryDto extends ReportFormatQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this unit and its subtree.' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'First day (default: a year before `to`).',
  })
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day (default: today).' })
  @IsOptional()
  @IsDay()
  to?: string;

  @ApiPropertyOptional({
    enum: TREND_PERIODS,
    description:
      '`day`: every snapshot; otherwise the last snapshot of each week (ISO), month, quarter or year. ' +
      `Default: \`day\` when there are at most ${MAX_TREND_POINTS} snapshots in the range, else the finest period that gives at most ${MAX_TREND_POINTS} points.`,
  })
  @IsOptional()
  @IsIn(TREND_PERIODS)
  every?: TrendPeriod;
}

export class CountPercentDto {
  @ApiProperty({ example: 1788 })
  count: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 93.12,
    description: 'Percent of the denominator, rounded half up to 2 decimals; null when it is 0.',
  })
  percent: number | null;
}

export class ComplianceReportFiguresDto {
  @ApiProperty({ example: 1920, description: 'Active staff counted.' })
  staff: number;

  @ApiProperty({ example: 1862, description: 'Of them, those holding a position.' })
  withPosition: number;

  @ApiProperty({
    type: CountPercentDto,
    description: 'Meeting every requirement of their position’s standard; percent of withPosition.',
  })
  meetingStandard: CountPercentDto;

  @ApiProperty({
    type: CountPercentDto,
    description: 'University degree or higher; percent of staff.',
  })
  universityOrHigher: CountPercentDto;

  @ApiProperty({
    type: CountPercentDto,
    description: 'Intermediate political theory or higher; percent of staff.',
  })
  politicalTheoryIntermediateOrHigher: CountPercentDto;
}

export class ComplianceReportGroupDto extends ComplianceReportFiguresDto {
  @ApiPropertyOptional({ type: ComplianceTierDto, description: 'With groupBy=tier.' })
  tier?: ComplianceTierDto;

  @ApiPropertyOptional({ type: ComplianceUnitDto, description: 'With groupBy=unit.' })
  unit?: ComplianceUnitDto;
}

export class ComplianceReportDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId: string | null;

  @ApiProperty({ enum: ['tier', 'unit'] })
  groupBy: 'tier' | 'unit';

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'As asked; null when live.',
  })
  at: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The snapshot the figures come from; null when live.',
  })
  snapshotDate: string | null;

  @ApiProperty({ type: ComplianceReportFiguresDto })
  overall: ComplianceReportFiguresDto;

  @ApiProperty({ type: [ComplianceReportGroupDto] })
  groups: ComplianceReportGroupDto[];
}

export class TrendFiguresDto {
  @ApiProperty({ example: 1920 })
  staff: number;

  @ApiProperty({ example: 1862 })
  withPosition: number;

  @ApiProperty({ type: CountPercentDto, description: 'Percent of withPosition.' })
  meetingStandard: CountPercentDto;
}

export class TrendTierDto extends TrendFiguresDto {
  @ApiProperty({ type: ComplianceTierDto })
  tier: ComplianceTierDto;
}

export class TrendPointDto extends TrendFiguresDto {
  @ApiProperty({ description: 'Figures of this day were imported from before the product.' })
  imported: boolean;
  @ApiProperty({ format: 'date', description: 'The snapshot’s day.' })
  date: string;

  @ApiProperty({ type: [TrendTierDto] })
  tiers: TrendTierDto[];
}

export class ComplianceTrendDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId: string | null;

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ enum: TREND_PERIODS, description: 'The period each point stands for.' })
  every: TrendPeriod;

  @ApiProperty({
    type: [TrendPointDto],
    description: 'One per snapshot day in the range, in order.',
  })
  points: TrendPointDto[];
}
