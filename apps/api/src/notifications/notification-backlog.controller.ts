import { Ctx } from '@app/access';
import { NotificationBacklog, NotificationBacklogService } from '@app/notifications';
import { Controller, Get, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AdminOnlyGuard } from '../auth/admin-only.guard';
import { CurrentContext } from '../auth/auth.decorators';
import { ProblemDto } from '../http/problem';
import { NotificationBacklogDto } from './notifications.dto';

/** How far behind notifications are, for operators: administrators only. */
@ApiTags('notifications')
@ApiBearerAuth()
@UseGuards(AdminOnlyGuard)
@ApiUnauthorizedResponse({ type: ProblemDto, description: 'UNAUTHENTICATED, INVALID_TOKEN' })
@ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: administrators only' })
@Controller('admin/notifications/backlog')
export class NotificationBacklogController {
  constructor(private readonly backlog: NotificationBacklogService) {}

  @Get()
  @ApiOperation({
    summary: 'Queue depth, pending and failed deliveries, and the oldest undispatched event.',
  })
  @ApiOkResponse({ type: NotificationBacklogDto })
  get(@CurrentContext() ctx: Ctx): Promise<NotificationBacklog> {
    return this.backlog.backlog(ctx);
  }
}
