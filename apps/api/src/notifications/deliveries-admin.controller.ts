import { Ctx } from '@app/access';
import { DomainError } from '@app/common';
import { DeliveriesAdminService } from '@app/notifications';
import {
  Controller,
  Get,
  HttpCode,
  Param,
  PipeTransform,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AdminOnlyGuard } from '../auth/admin-only.guard';
import { CurrentContext } from '../auth/auth.decorators';
import { toPage } from '../http/paging';
import { ProblemDto } from '../http/problem';
import { DeliveryDto, DeliveryPageDto, DeliveryQueryDto } from './notifications.dto';

/** Delivery ids are positive whole numbers (bigserial), kept as text. */
function deliveryIdPipe(): PipeTransform<string, string> {
  return {
    transform(value) {
      if (/^[1-9][0-9]{0,17}$/.test(value)) return value;
      throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
        errors: [{ field: 'id', message: 'id must be a positive whole number', code: 'IS_ID' }],
      });
    },
  };
}

/** What the worker delivered, failed to deliver or still has to: administrators only. */
@ApiTags('notifications')
@ApiBearerAuth()
@UseGuards(AdminOnlyGuard)
@ApiUnauthorizedResponse({ type: ProblemDto, description: 'UNAUTHENTICATED, INVALID_TOKEN' })
@ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: administrators only' })
@Controller('admin/deliveries')
export class DeliveriesAdminController {
  constructor(private readonly deliveries: DeliveriesAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Deliveries, newest first, by status, channel, recipient or event.' })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  async list(
    @CurrentContext() ctx: Ctx,
    @Query() query: DeliveryQueryDto,
  ): Promise<DeliveryPageDto> {
    return toPage(await this.deliveries.list(ctx, query), query);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a failed delivery again: it becomes pending and is enqueued.' })
  @ApiParam({ name: 'id', type: String, example: '42' })
  @ApiAcceptedResponse({ type: DeliveryDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'DELIVERY_NOT_FOUND' })
  @ApiConflictResponse({
    type: ProblemDto,
    description: 'DELIVERY_NOT_FAILED, DELIVERY_IN_PROGRESS',
  })
  @ApiServiceUnavailableResponse({
    type: ProblemDto,
    description: 'QUEUE_UNAVAILABLE: nothing changed',
  })
  retry(
    @CurrentContext() ctx: Ctx,
    @Param('id', deliveryIdPipe()) id: string,
  ): Promise<DeliveryDto> {
    return this.deliveries.retry(ctx, id);
  }
}
