import { Ctx } from '@app/access';
import { ParticipationsExportService, TrainingSummaryService } from '@app/reports';
import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentContext } from '../auth/auth.decorators';
import { ReportResponses } from './report-responses';
import { exportFormat, renderReport } from './export-format';
import {
  ParticipationsListDto,
  TrainingHeadlineDto,
  TrainingHeadlineQueryDto,
  TrainingSummaryDto,
  TrainingSummaryQueryDto,
} from './training.dto';

/**
 * Training participations (nominations approved, in training or completed) by the intake's
 * start date, within the caller's scope: the summary by category, tier and year with its
 * breakdowns, and the article's headline figures.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class TrainingReportsController {
  constructor(
    private readonly training: TrainingSummaryService,
    private readonly participationList: ParticipationsExportService,
  ) {}

  @Get('training-summary')
  @ApiOperation({
    summary: 'Participations by programme category × tier × year, with breakdowns.',
    description:
      'Counts per status (approved, in training, completed) and in all. Breakdowns by ' +
      'provider, domestic/overseas, gender, ethnic minority and age band at the intake’s ' +
      'start. CSV: one table (`table` = by-category, by-provider, by-location, by-gender, ' +
      'by-ethnicity, by-age); XLSX: a sheet per table.',
  })
  @ReportResponses(TrainingSummaryDto, {
    badRequest: '`to` before `from`: PERIOD_REVERSED',
    notFound: 'UNIT_NOT_FOUND',
  })
  async summary(
    @CurrentContext() ctx: Ctx,
    @Query() query: TrainingSummaryQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<unknown> {
    const format = exportFormat(query.format, accept);
    return renderReport(
      await this.training.summary(ctx, {
        from: query.from,
        to: query.to,
        unitId: query.unitId,
        status: query.status,
      }),
      format,
      query.table,
    );
  }

  @Get('training-headline')
  @ApiOperation({
    summary: 'The headline figures: political theory, degrees (postgraduate), fostering.',
    description:
      'Political theory advanced / intermediate / elementary; university, master and doctor ' +
      'degrees with the postgraduate part (master + doctor); fostering by kind; and all ' +
      'participations. Each line counts the three statuses together and apart.',
  })
  @ReportResponses(TrainingHeadlineDto, {
    badRequest: '`to` before `from`: PERIOD_REVERSED',
    notFound: 'UNIT_NOT_FOUND',
  })
  async headline(
    @CurrentContext() ctx: Ctx,
    @Query() query: TrainingHeadlineQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<unknown> {
    const format = exportFormat(query.format, accept);
    return renderReport(
      await this.training.headline(ctx, {
        from: query.from,
        to: query.to,
        unitId: query.unitId,
      }),
      format,
      query.table,
    );
  }

  @Get('participations')
  @ApiOperation({
    summary: 'Every participation of the period, one line each (the summary’s detail).',
    description:
      'JSON: the count and the first 50 lines. CSV and XLSX: every line, streamed page by ' +
      'page, so a large export never builds in memory.',
  })
  @ReportResponses(ParticipationsListDto, {
    badRequest: '`to` before `from`: PERIOD_REVERSED',
    notFound: 'UNIT_NOT_FOUND',
  })
  async participations(
    @CurrentContext() ctx: Ctx,
    @Query() query: TrainingSummaryQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<unknown> {
    const format = exportFormat(query.format, accept);
    return renderReport(
      await this.participationList.list(ctx, {
        from: query.from,
        to: query.to,
        unitId: query.unitId,
        status: query.status,
      }),
      format,
      query.table,
    );
  }
}
