import { Ctx } from '@app/access';
import { Language } from '@app/common';
import { DecisionQueries, MeetingDecisions } from '@app/nominations';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentContext } from '../auth/auth.decorators';
import { CallerLanguage } from '../http/language';
import { ProblemDto } from '../http/problem';
import { toProblem } from '../http/problem.filter';
import { uuidPipe } from '../http/validation';
import {
  BatchDecisionDto,
  BatchDecisionResultDto,
  DecisionDto,
  DecisionResultDto,
} from './decisions.dto';

/**
 * A meeting decides many nominations at once (each in its own transaction, so one that
 * fails does not stop the others), and the decisions it issues can be read back.
 */
@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations/decisions')
export class DecisionsController {
  constructor(
    private readonly meetings: MeetingDecisions,
    private readonly decisions: DecisionQueries,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Decide several nominations of one meeting; the answer has each item’s result and decision number.',
  })
  @ApiOkResponse({ type: BatchDecisionResultDto })
  async decide(
    @CurrentContext() ctx: Ctx,
    @Body() body: BatchDecisionDto,
    @CallerLanguage() language: Language,
  ): Promise<BatchDecisionResultDto> {
    const issueAs = body.issueAs;
    const meeting = { date: body.meetingDate, number: body.meetingNumber ?? null };
    const outcomes = await this.meetings.decide(ctx, meeting, issueAs, body.items);
    const results: DecisionResultDto[] = outcomes.map((outcome) => {
      if (outcome.ok) {
        return {
          nominationId: outcome.nominationId,
          ok: true,
          status: outcome.status,
          decisionId: outcome.decision?.id ?? null,
          decisionNumber: outcome.decision?.number ?? null,
          decisionLine: outcome.decision?.line ?? null,
        };
      }
      const {
        type: _type,
        instance: _instance,
        ...problem
      } = toProblem(outcome.error, undefined, language);
      return { nominationId: outcome.nominationId, ok: false, problem };
    });
    return {
      meetingDate: body.meetingDate,
      meetingNumber: meeting.number?.trim() || null,
      issueAs: issueAs ?? null,
      results,
    };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A decision with its lines: only those whose nominations you may see (404 when none).',
  })
  @ApiOkResponse({ type: DecisionDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'DECISION_NOT_FOUND' })
  get(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<DecisionDto> {
    return this.decisions.get(ctx, id);
  }
}
