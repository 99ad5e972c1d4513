import { Actor } from '@app/access';
import { AuditContext } from '@app/audit';
import { DelegationsService } from '@app/nominations';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditFrom, CurrentActor } from '../auth/auth.decorators';
import { PageQueryDto, toPage } from '../http/paging';
import { uuidPipe } from '../http/validation';
import { CreateDelegationDto, DelegationDto, DelegationPageDto } from './delegations.dto';

/**
 * Delegations: lend one's own board or finance grant to another user for some days; while
 * it is in force they act on the steps it covers on one's behalf.
 */
@ApiTags('nominations')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Post()
  @ApiOperation({ summary: 'Delegate one of your grants (administrators: anyone’s).' })
  @ApiCreatedResponse({ type: DelegationDto })
  create(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Body() body: CreateDelegationDto,
  ) {
    return this.delegations.create(actor, body, audit);
  }

  @Get()
  @ApiOperation({ summary: 'Delegations from or to you (administrators: all).' })
  @ApiOkResponse({ type: DelegationPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: PageQueryDto,
  ): Promise<DelegationPageDto> {
    return toPage(await this.delegations.list(actor, query), query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a delegation (the delegator or an administrator).' })
  @ApiNoContentResponse()
  async revoke(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Param('id', uuidPipe()) id: string,
  ): Promise<void> {
    await this.delegations.revoke(actor, id, audit);
  }
}
