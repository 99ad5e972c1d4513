import { Ctx } from '@app/access';
import { NOTIFIED_EVENT_TYPES, NotificationPreferencesService } from '@app/notifications';
import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentContext } from '../auth/auth.decorators';
import { ProblemDto } from '../http/problem';
import { PreferenceDto, SetPreferenceDto } from './notifications.dto';

const eventTypeParam = ApiParam({ name: 'eventType', enum: NOTIFIED_EVENT_TYPES });

/** How each notified event reaches the caller: their own choices only. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ProblemDto, description: 'UNAUTHENTICATED, INVALID_TOKEN' })
@Controller('notifications/preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOperation({ summary: 'One entry per notified event type: your choice, or the default.' })
  @ApiOkResponse({ type: [PreferenceDto] })
  list(@CurrentContext() ctx: Ctx): Promise<PreferenceDto[]> {
    return this.preferences.list(ctx);
  }

  @Put(':eventType')
  @ApiOperation({ summary: 'Choose the channels of one event type (replaces your choice).' })
  @eventTypeParam
  @ApiOkResponse({ type: PreferenceDto })
  @ApiBadRequestResponse({
    type: ProblemDto,
    description: 'VALIDATION_FAILED, DIGEST_NEEDS_EMAIL, ACTION_NOTICE_REQUIRED',
  })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'UNKNOWN_EVENT_TYPE' })
  set(
    @CurrentContext() ctx: Ctx,
    @Param('eventType') eventType: string,
    @Body() body: SetPreferenceDto,
  ): Promise<PreferenceDto> {
    return this.preferences.set(ctx, eventType, body);
  }

  @Delete(':eventType')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget your choice of one event type: the default applies again.' })
  @eventTypeParam
  @ApiNoContentResponse({ description: 'Reset.' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'UNKNOWN_EVENT_TYPE' })
  async reset(@CurrentContext() ctx: Ctx, @Param('eventType') eventType: string): Promise<void> {
    await this.preferences.reset(ctx, eventType);
  }
}
