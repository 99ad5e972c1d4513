import { NOTIFIED_EVENT_TYPES, DELIVERY_STATUSES, SENT_EVENT_TYPES } from '@app/notifications';
import type { Channel, DeliveryStatus, NotifiedEventType, SentEventType } from '@app/notifications';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../http/paging';
import { queryBoolean } from '../http/validation';

const CHANNELS: Channel[] = ['email', 'inbox'];

export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: unread items only; false or absent: all.' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFIED_EVENT_TYPES, example: 'nomination.submitted' })
  type: string;

  @ApiProperty({ example: 'Đề cử mới chờ bạn duyệt' })
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: String, nullable: true, description: 'Where the item leads in the app.' })
  link: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '/nominations/0b7c1f52-8f5e-4c2a-9a51-6f3f2f0d9a11',
    description:
      'The same place as a path of the web application (`/nominations/<id>` or `/funds/<id>`), to navigate to without leaving it.',
  })
  path: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  nominationId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: Date | null;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxItemDto] }) items: InboxItemDto[];
  @ApiProperty({ description: 'Items matching the filter, over all pages, up to 10,000.' })
  total: number;
  @ApiProperty({ description: 'More than 10,000 items match: `total` is 10,000.' })
  totalCapped: boolean;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({
    description: 'All unread items of the caller, whatever the filter, up to 10,000.',
  })
  unreadCount: number;
  @ApiProperty({ description: 'More than 10,000 unread items: `unreadCount` is 10,000.' })
  unreadCountCapped: boolean;
}

export class MarkedReadDto {
  @ApiProperty({ example: 3, description: 'How many unread items were marked read.' })
  marked: number;
}

export class PreferenceDto {
  @ApiProperty({ enum: NOTIFIED_EVENT_TYPES })
  eventType: NotifiedEventType;

  @ApiProperty()
  email: boolean;

  @ApiProperty()
  inbox: boolean;

  @ApiProperty({ description: 'Email once a day, gathered, instead of one email per event.' })
  emailDigest: boolean;

  @ApiProperty({
    description: 'The event asks the user to act: email or the inbox must stay on.',
  })
  awaitsAction: boolean;

  @ApiProperty({ description: 'No choice saved: these are the defaults.' })
  default: boolean;
}

export class SetPreferenceDto {
  @ApiProperty()
  @IsBoolean()
  email: boolean;

  @ApiProperty()
  @IsBoolean()
  inbox: boolean;

  @ApiPropertyOptional({ default: false, description: 'Needs email on.' })
  @IsOptional()
  @IsBoolean()
  emailDigest?: boolean;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ format: 'uuid', description: 'The recipient.' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: SENT_EVENT_TYPES })
  @IsOptional()
  @IsIn(SENT_EVENT_TYPES)
  eventType?: SentEventType;
}

export class RecipientDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  displayName: string;
}

export class DeliveryDto {
  @ApiProperty({ example: '42' })
  id: string;

  @ApiProperty({ example: '1017', description: 'The outbox event delivered.' })
  eventId: string;

  @ApiProperty({ enum: SENT_EVENT_TYPES })
  eventType: string;

  @ApiProperty({ format: 'uuid', description: 'The nomination, fund or user the event is about.' })
  aggregateId: string;

  @ApiProperty({ type: RecipientDto })
  recipient: RecipientDto;

  @ApiProperty({ enum: CHANNELS })
  channel: Channel;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: DeliveryStatus;

  @ApiProperty({ description: 'Gathered into the recipient’s daily digest email.' })
  digest: boolean;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: Date | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) items: DeliveryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

class QueueCountsDto {
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() delayed: number;
  @ApiProperty() failed: number;
}

class DeliveryCountsDto {
  @ApiProperty() pending: number;
  @ApiProperty() failed: number;
}

class OutboxCountsDto {
  @ApiProperty({ description: 'Events not yet moved to the queue.' }) undispatched: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Age of the oldest of them.' })
  oldestUndispatchedSeconds: number | null;
}

export class NotificationBacklogDto {
  @ApiProperty({ type: QueueCountsDto, description: 'Jobs of the notifications queue.' })
  queue: QueueCountsDto;
  @ApiProperty({ type: DeliveryCountsDto }) deliveries: DeliveryCountsDto;
  @ApiProperty({ type: OutboxCountsDto }) outbox: OutboxCountsDto;
}
