import { AdminOnlyGuard } from '../auth/admin-only.guard';
import { CurrentContext } from '../auth/auth.decorators';
import { Ctx } from '@app/access';
import { ProbeService } from '@app/health';
import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import { ProbeDto, ProbeRequestedDto, RequestProbeDto } from './probe.dto';

/** End-to-end pipeline check for administrators: API → queue → worker → Postgres. */
@ApiTags('system')
@ApiBearerAuth()
@UseGuards(AdminOnlyGuard)
@Controller('system/probes')
export class ProbeController {
  constructor(private readonly probes: ProbeService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Enqueue a probe job; the worker records it when it runs.' })
  @ApiAcceptedResponse({ type: ProbeRequestedDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiServiceUnavailableResponse({ type: ProblemDto, description: 'QUEUE_UNAVAILABLE' })
  request(@Body() body: RequestProbeDto): Promise<ProbeRequestedDto> {
    return this.probes.request(body.note);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A probe the worker has processed.' })
  @ApiOkResponse({ type: ProbeDto })
  @ApiNotFoundResponse({
    type: ProblemDto,
    description: 'PROBE_NOT_FOUND: unknown or still queued',
  })
  find(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<ProbeDto> {
    return this.probes.find(ctx, id);
  }
}
