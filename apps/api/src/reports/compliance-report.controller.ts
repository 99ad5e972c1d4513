import { Ctx } from '@app/access';
import { ComplianceReportService } from '@app/reports';
import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentContext } from '../auth/auth.decorators';
import { ReportResponses } from './report-responses';
import {
  ComplianceReportDto,
  ComplianceReportQueryDto,
  ComplianceTrendDto,
  ComplianceTrendQueryDto,
} from './compliance-report.dto';
import { exportFormat, renderReport } from './export-format';

/**
 * Standards compliance as the organization reports it: now or at a past date (from the
 * daily snapshots), and its trend. JSON, CSV or XLSX.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/compliance')
export class ComplianceReportController {
  constructor(private readonly reports: ComplianceReportService) {}

  @Get()
  @ApiOperation({
    summary: 'Share of active staff meeting their position standard, per tier or unit.',
    description:
      'Live without `at`; with `at`, from the latest daily snapshot taken on or before it ' +
      '(`snapshotDate`). Within the unit subtrees of the caller’s roles (board roles over a ' +
      'management authority: the subtree of the authority’s unit).',
  })
  @ReportResponses(ComplianceReportDto, { notFound: 'UNIT_NOT_FOUND, NO_SNAPSHOT' })
  async report(
    @CurrentContext() ctx: Ctx,
    @Query() query: ComplianceReportQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<unknown> {
    const format = exportFormat(query.format, accept);
    return renderReport(
      await this.reports.report(ctx, {
        unitId: query.unitId,
        at: query.at,
        groupBy: query.groupBy,
      }),
      format,
      query.table,
    );
  }

  @Get('trend')
  @ApiOperation({
    summary: 'Staff and the share meeting the standard at each snapshot day, overall and per tier.',
    description:
      'One point per snapshot day in the range, or per week, month, quarter or year (`every`; ' +
      'chosen automatically when there are too many days): the last snapshot of each period.',
  })
  @ReportResponses(ComplianceTrendDto, {
    badRequest:
      '`to` before `from`: PERIOD_REVERSED; over ten years: RANGE_TOO_LONG; too many points: TOO_MANY_POINTS',
    notFound: 'UNIT_NOT_FOUND',
  })
  async trend(
    @CurrentContext() ctx: Ctx,
    @Query() query: ComplianceTrendQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<unknown> {
    const format = exportFormat(query.format, accept);
    return renderReport(
      await this.reports.trend(ctx, {
        unitId: query.unitId,
        from: query.from,
        to: query.to,
        every: query.every,
      }),
      format,
      query.table,
    );
  }
}
