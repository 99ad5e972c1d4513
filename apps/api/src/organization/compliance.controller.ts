import { Ctx } from '@app/access';
import { ComplianceService } from '@app/organization';
import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentContext } from '../auth/auth.decorators';
import { ProblemDto } from '../http/problem';
import { ComplianceQueryDto, ComplianceSummaryDto } from './compliance.dto';

/** Standards compliance of the staff the caller may see, per tier or unit and overall. */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('compliance')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Get()
  @ApiOperation({
    summary:
      'Share of active staff meeting their position standard, with a degree, with political theory.',
    description:
      "Counts the active staff within the caller's scope (and within `unitId`'s subtree if given). " +
      'The standard share is of staff holding a position; the other shares are of all counted staff.',
  })
  @ApiOkResponse({ type: ComplianceSummaryDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'UNAUTHENTICATED, INVALID_TOKEN' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'UNIT_NOT_FOUND' })
  summarize(
    @CurrentContext() ctx: Ctx,
    @Query() query: ComplianceQueryDto,
  ): Promise<ComplianceSummaryDto> {
    return this.compliance.summarize(ctx, query);
  }
}
