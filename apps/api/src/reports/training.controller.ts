import { Actor } from '@app/access';
import { TrainingSummaryService } from '@app/reports';
import { Controller, Get, Headers, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentActor } from '../auth/auth.decorators';
import { ProblemDto } from '../http/problem';
import { exportFormat, renderReport } from './export-format';
import {
  TrainingHeadlineDto,
  TrainingHeadlineQueryDto,
  TrainingSummaryDto,
  TrainingSummaryQueryDto,
} from './training.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Training participations (nominations approved, in training or completed) by the intake's
 * start date, within the caller's scope: the summary by category, tier and year with its
 * breakdowns, and the article's headline figures.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class TrainingReportsController {
  constructor(private readonly training: TrainingSummaryService) {}

  @Get('training-summary')
  @ApiOperation({
    summary: 'Participations by programme category × tier × year, with breakdowns.',
    description:
      'Counts per status (approved, in training, completed) and in all. Breakdowns by ' +
      'provider, domestic/overseas, gender, ethnic minority and age band at the intake’s ' +
      'start. CSV: one table (`table` = by-category, by-provider, by-location, by-gender, ' +
      'by-ethnicity, by-age); XLSX: a sheet per table.',
  })
  @ApiProduces('application/json', 'text/csv', XLSX)
  @ApiOkResponse({ type: TrainingSummaryDto })
  @ApiBadRequestResponse({
    type: ProblemDto,
    description: 'VALIDATION_FAILED (also `to` before `from`: PERIOD_REVERSED)',
  })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'UNAUTHENTICATED, INVALID_TOKEN' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'UNIT_NOT_FOUND' })
  async summary(
    @CurrentActor() actor: Actor,
    @Query() query: TrainingSummaryQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<unknown> {
    const format = exportFormat(query.format, accept);
    return renderReport(
      await this.training.summary(actor, {
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
  @ApiProduces('application/json', 'text/csv', XLSX)
  @ApiOkResponse({ type: TrainingHeadlineDto })
  @ApiBadRequestResponse({
    type: ProblemDto,
    description: 'VALIDATION_FAILED (also `to` before `from`: PERIOD_REVERSED)',
  })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'UNAUTHENTICATED, INVALID_TOKEN' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'UNIT_NOT_FOUND' })
  async headline(
    @CurrentActor() actor: Actor,
    @Query() query: TrainingHeadlineQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<unknown> {
    const format = exportFormat(query.format, accept);
    return renderReport(
      await this.training.headline(actor, {
        from: query.from,
        to: query.to,
        unitId: query.unitId,
      }),
      format,
      query.table,
    );
  }
}
