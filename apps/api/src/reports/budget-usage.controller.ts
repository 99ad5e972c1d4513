import { Ctx } from '@app/access';
import { FUND_SOURCES, FundSource } from '@app/budget';
import { BudgetUsageService } from '@app/reports';
import { Controller, Get, Headers, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentContext } from '../auth/auth.decorators';
import { QueryInteger } from '../http/validation';
import { ReportResponses } from './report-responses';
import { ComplianceTierDto as ReportTierDto } from '../organization/compliance.dto';
import { exportFormat, renderReport } from './export-format';
import { ReportFormatQueryDto } from './report-query.dto';

/** A fiscal year in a query string. */
function IsFiscalYear(): PropertyDecorator {
  return (target, property) => {
    QueryInteger()(target, property);
    IsInt()(target, property);
    Min(2000)(target, property);
    Max(2100)(target, property);
  };
}

export class BudgetUsageQueryDto extends ReportFormatQueryDto {
  @ApiPropertyOptional({
    example: 2022,
    description: 'One fiscal year (not with fromYear/toYear).',
  })
  @IsOptional()
  @IsFiscalYear()
  year?: number;

  @ApiPropertyOptional({ example: 2012, description: 'First fiscal year (default: the earliest).' })
  @IsOptional()
  @IsFiscalYear()
  fromYear?: number;

  @ApiPropertyOptional({ example: 2022, description: 'Last fiscal year (default: the latest).' })
  @IsOptional()
  @IsFiscalYear()
  toYear?: number;
}

const MONEY = {
  type: String,
  pattern: '^-?\\d+$',
  example: '214000000000',
  description: 'Whole VND as a string of digits (may exceed 2^53).',
};

class UsageFiguresDto {
  @ApiProperty({ description: 'How many funds are added up.' }) funds: number;
  @ApiProperty(MONEY) allocated: string;
  @ApiProperty(MONEY) reserved: string;
  @ApiProperty({ ...MONEY, description: 'Spent by the funds, plus importedSpent.' })
  spent: string;
  @ApiProperty({
    ...MONEY,
    description:
      'Of spent, what imported participations cost (past years; never moved a fund balance).',
  })
  importedSpent: string;
  @ApiProperty({
    ...MONEY,
    description:
      'allocated − reserved − spent by the funds (imported spending left out); negative when overcommitted.',
  })
  available: string;
  @ApiProperty({
    example: 87.5,
    description: '(reserved + spent) / allocated in percent, rounded down to 2 decimals.',
  })
  utilizationPercent: number;
}

class SourceUsageDto extends UsageFiguresDto {
  @ApiProperty({ enum: FUND_SOURCES }) source: FundSource;
  @ApiProperty({ example: 'Ngân sách nhà nước' }) label: string;
  @ApiProperty({ example: 81, description: 'Share of the whole’s allocation, percent.' })
  sharePercent: number;
}

class TierUsageDto extends UsageFiguresDto {
  @ApiProperty({ type: ReportTierDto }) tier: ReportTierDto;
  @ApiProperty({ example: 65.42, description: 'Share of the whole’s allocation, percent.' })
  sharePercent: number;
}

class UsageRowDto extends UsageFiguresDto {
  @ApiProperty({ type: ReportTierDto }) tier: ReportTierDto;
  @ApiProperty({ enum: FUND_SOURCES }) source: FundSource;
  @ApiProperty({ example: 'Tài trợ' }) label: string;
  @ApiProperty({ description: 'The source’s share of the tier’s allocation in the year, percent.' })
  sourceSharePercent: number;
  @ApiProperty({ description: 'This row’s share of the year’s allocation, percent.' })
  shareOfYearPercent: number;
}

class UsageBreakdownDto {
  @ApiProperty({ type: UsageFiguresDto }) total: UsageFiguresDto;
  @ApiProperty({ type: [TierUsageDto] }) tiers: TierUsageDto[];
  @ApiProperty({ type: [SourceUsageDto] }) sources: SourceUsageDto[];
}

class YearUsageDto extends UsageBreakdownDto {
  @ApiProperty({ example: 2022 }) fiscalYear: number;
  @ApiProperty({ type: [UsageRowDto], description: 'Per owner tier × source.' })
  rows: UsageRowDto[];
}

export class BudgetUsageDto {
  @ApiProperty({ type: Number, nullable: true }) fromYear: number | null;
  @ApiProperty({ type: Number, nullable: true }) toYear: number | null;
  @ApiProperty({ type: [YearUsageDto] }) years: YearUsageDto[];
  @ApiProperty({ type: UsageBreakdownDto, description: 'All the listed years together.' })
  period: UsageBreakdownDto;
}

/** Training-fund usage per year, owner tier and source, over the funds the caller may see. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/budget-usage')
export class BudgetUsageController {
  constructor(private readonly usage: BudgetUsageService) {}

  @Get()
  @ApiOperation({
    summary: 'Allocated, reserved, spent and available per fiscal year × owner tier × source.',
    description:
      'With utilization and source shares, totals per year, tier and source, and over the ' +
      'period. Over the funds of `fundScope` (the same as GET /funds/summary).',
  })
  @ReportResponses(BudgetUsageDto, {
    badRequest: 'year with a range: YEAR_WITH_RANGE; toYear before fromYear: PERIOD_REVERSED',
  })
  async report(
    @CurrentContext() ctx: Ctx,
    @Query() query: BudgetUsageQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<unknown> {
    const format = exportFormat(query.format, accept);
    return renderReport(
      await this.usage.report(ctx, {
        year: query.year,
        fromYear: query.fromYear,
        toYear: query.toYear,
      }),
      format,
      query.table,
    );
  }
}
