import { Actor } from '@app/access';
import { Language } from '@app/common';
import { NominationService } from '@app/nominations';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/auth.decorators';
import { CallerLanguage } from '../http/language';
import { toProblem } from '../http/problem.filter';
import { BatchDecisionDto, BatchDecisionResultDto, DecisionResultDto } from './decisions.dto';

/**
 * A meeting decides many nominations at once. Each item is acted on in its own
 * transaction, exactly as if sent alone: one that fails does not stop the others.
 */
@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations/decisions')
export class DecisionsController {
  constructor(private readonly nominations: NominationService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide several nominations of one meeting; the answer has each item’s result.',
  })
  @ApiOkResponse({ type: BatchDecisionResultDto })
  async decide(
    @CurrentActor() actor: Actor,
    @Body() body: BatchDecisionDto,
    @CallerLanguage() language: Language,
  ): Promise<BatchDecisionResultDto> {
    const results: DecisionResultDto[] = [];
    for (const item of body.items) {
      const comment = [`Phiên họp ngày ${body.meetingDate}`, item.comment?.trim()]
        .filter(Boolean)
        .join(': ');
      try {
        await this.nominations.act(actor, item.nominationId, item.action, {
          version: item.version,
          // A return or reject still needs its own reason; the meeting date alone is not one.
          comment: item.comment?.trim() ? comment : item.action === 'approve' ? comment : null,
        });
        results.push({ nominationId: item.nominationId, ok: true });
      } catch (error) {
        const {
          type: _type,
          instance: _instance,
          ...problem
        } = toProblem(error, undefined, language);
        results.push({ nominationId: item.nominationId, ok: false, problem });
      }
    }
    return { meetingDate: body.meetingDate, results };
  }
}
