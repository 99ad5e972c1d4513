import { Ctx } from '@app/access';
import { StandardGapsReportService } from '@app/reports';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentContext } from '../auth/auth.decorators';
import { AcceptHeader, exportFormat, renderReport } from './export-format';
import { ReportResponses } from './report-responses';
import { StaffGapPageDto, StandardGapsQueryDto } from './standard-gaps.dto';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StandardGapsController {
  constructor(private readonly gaps: StandardGapsReportService) {}

  @Get('standard-gaps')
  @ApiOperation({
    summary: 'Everyone in scope below the standard of their current or a planned post.',
    description:
      'One line per person and post they fall short of (active employment only), with what ' +
      'they lack. JSON is paged; CSV and XLSX hold every line (booleans as Có/Không).',
  })
  @ReportResponses(StaffGapPageDto, { notFound: 'UNIT_NOT_FOUND (also when out of scope)' })
  async list(
    @CurrentContext() ctx: Ctx,
    @Query() query: StandardGapsQueryDto,
    @AcceptHeader() accept?: string,
  ): Promise<unknown> {
    const format = exportFormat(query.format, accept);
    return renderReport(
      await this.gaps.list(ctx, {
        unitId: query.unitId,
        target: query.target,
        requirement: query.requirement,
        page: query.page,
        pageSize: query.pageSize,
      }),
      format,
    );
  }
}
