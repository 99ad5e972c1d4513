import { Ctx } from '@app/access';
import { InboxService } from '@app/notifications';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentContext } from '../auth/auth.decorators';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import { InboxPageDto, InboxQueryDto, MarkedReadDto } from './notifications.dto';

/** The caller's in-app inbox: every signed-in user sees and marks their own items only. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ProblemDto, description: 'UNAUTHENTICATED, INVALID_TOKEN' })
@Controller('notifications')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: 'Your inbox, newest first, with how many items are unread.' })
  @ApiOkResponse({ type: InboxPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  async list(@CurrentContext() ctx: Ctx, @Query() query: InboxQueryDto): Promise<InboxPageDto> {
    const inbox = await this.inbox.list(ctx, query);
    return { ...inbox, page: query.page, pageSize: query.pageSize };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your unread items read.' })
  @ApiOkResponse({ type: MarkedReadDto })
  async readAll(@CurrentContext() ctx: Ctx): Promise<MarkedReadDto> {
    return { marked: await this.inbox.markAllRead(ctx) };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of your items read (again: no change).' })
  @ApiNoContentResponse({ description: 'Read.' })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({
    type: ProblemDto,
    description: 'NOTIFICATION_NOT_FOUND: no such item, or not yours',
  })
  async read(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<void> {
    await this.inbox.markRead(ctx, id);
  }
}
