import { Ctx } from '@app/access';
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
import { CurrentContext } from '../auth/auth.decorators';
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
  create(@CurrentContext() ctx: Ctx, @Body() body: CreateDelegationDto) {
    return this.delegations.create(ctx, body);
  }

  @Get()
  @ApiOperation({ summary: 'Delegations from or to you (administrators: all).' })
  @ApiOkResponse({ type: DelegationPageDto })
  async list(@CurrentContext() ctx: Ctx, @Query() query: PageQueryDto): Promise<DelegationPageDto> {
    return toPage(await this.delegations.list(ctx, query), query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a delegation (the delegator or an administrator).' })
  @ApiNoContentResponse()
  async revoke(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<void> {
    await this.delegations.revoke(ctx, id);
  }
}
