import { Ctx } from '@app/access';
import { WorkflowPerformanceService } from '@app/reports';
import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentContext } from '../auth/auth.decorators';
import { ReportResponses } from './report-responses';
import { exportFormat, renderReport } from './export-format';
import { WorkflowPerformanceDto, WorkflowPerformanceQueryDto } from './workflow-performance.dto';

/** How the approval workflow performs, over the nominations of staff the caller may see. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/workflow-performance')
export class WorkflowPerformanceController {
  constructor(private readonly workflow: WorkflowPerformanceService) {}

  @Get()
  @ApiOperation({
    summary: 'Time per approval step, nominations waiting too long now, approval and return rates.',
    description:
      'Steps decided in the period (days in Vietnam time): count, median and 90th percentile ' +
      'of the hours from the step becoming the waiting one to its decision, by position, role ' +
      'and authority (the fund owner unit for finance). Nominations in review whose current ' +
      'step has waited REMINDER_WORKING_DAYS working days or more, now. Approval and ' +
      'rejection rates of the nominations decided in the period; returns per submission. ' +
      'CSV: one table (`table` = step-times, overdue, oldest-waits, rates); XLSX: a sheet per table.',
  })
  @ReportResponses(WorkflowPerformanceDto, {
    badRequest: '`to` before `from`: PERIOD_REVERSED',
    notFound: 'UNIT_NOT_FOUND',
  })
  async report(
    @CurrentContext() ctx: Ctx,
    @Query() query: WorkflowPerformanceQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<unknown> {
    const format = exportFormat(query.format, accept);
    return renderReport(
      await this.workflow.report(ctx, { from: query.from, to: query.to, unitId: query.unitId }),
      format,
      query.table,
    );
  }
}
