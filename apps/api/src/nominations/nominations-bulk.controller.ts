import { Ctx } from '@app/access';
import { Language, toVnd } from '@app/common';
import { BulkNominations } from '@app/nominations';
import { Body, Controller, HttpCode, Logger, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentContext } from '../auth/auth.decorators';
import { CallerLanguage } from '../http/language';
import { FieldErrorDto } from '../http/problem';
import { toProblem } from '../http/problem.filter';
import { BulkNominationDto, BulkNominationResultDto } from './nominations-bulk.dto';

export type BulkResult =
  | { staffId: string; ok: true; id: string; reference: string }
  | {
      staffId: string;
      ok: false;
      problem: { status: number; code: string; detail: string; errors?: FieldErrorDto[] };
    };

/**
 * Several people for one intake at once: each draft is created on its own, so one person
 * refused (out of scope, unknown fund, …) does not stop the others.
 */
@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominationsBulkController {
  private readonly logger = new Logger(NominationsBulkController.name);

  constructor(private readonly bulk: BulkNominations) {}

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Propose up to 200 people for an intake; the answer lists each person’s result.',
  })
  @ApiOkResponse({ type: BulkNominationResultDto })
  async create(
    @CurrentContext() ctx: Ctx,
    @Body() body: BulkNominationDto,
    @CallerLanguage() language: Language,
  ): Promise<BulkNominationResultDto> {
    const outcomes = await this.bulk.createEach(
      ctx,
      body.nominees.map((nominee) => ({
        nomineeStaffId: nominee.staffId,
        input: () => ({
          nomineeStaffId: nominee.staffId,
          intakeId: body.intakeId,
          targetGroup: body.targetGroup,
          justification: body.justification,
          costLines: nominee.costLines.map((line) => ({
            fundId: line.fundId,
            amount: toVnd(line.amount, { allowNegative: false }),
          })),
          learnerShare: toVnd(nominee.learnerShare ?? '0', { allowNegative: false }),
        }),
      })),
    );
    const results: BulkResult[] = outcomes.map((outcome) => {
      if (outcome.ok) {
        return {
          staffId: outcome.nomineeStaffId,
          ok: true,
          id: outcome.id,
          reference: outcome.reference,
        };
      }
      const { status, code, detail, errors } = toProblem(outcome.error, undefined, language);
      if (status >= 500) this.logger.error({ err: outcome.error }, 'Bulk nomination failed');
      return {
        staffId: outcome.nomineeStaffId,
        ok: false,
        problem: { status, code, detail, ...(errors ? { errors } : {}) },
      };
    });
    return { results };
  }
}
