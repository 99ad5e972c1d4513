import { DELEGABLE_ROLES, DelegableRole } from '@app/nominations';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsDay } from '../http/validation';

export class CreateDelegationDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Administrators only: the delegator (default: you).',
  })
  @IsOptional()
  @IsUUID()
  fromUserId?: string;

  @ApiProperty({ format: 'uuid', description: 'Who may act on your behalf.' })
  @IsUUID()
  toUserId: string;

  @ApiProperty({ enum: DELEGABLE_ROLES })
  @IsIn(DELEGABLE_ROLES)
  role: DelegableRole;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The unit of the delegator’s grant (exactly one of unitId and authorityId).',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The management authority of the delegator’s grant.',
  })
  @IsOptional()
  @IsUUID()
  authorityId?: string;

  @ApiProperty({ example: '2026-03-02', description: 'First day (organization time).' })
  @IsDay()
  startsOn: string;

  @ApiProperty({ example: '2026-03-13', description: 'Last day, included; not before startsOn.' })
  @IsDay()
  endsOn: string;
}

export class DelegationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The delegator.' }) fromUserId: string;
  @ApiProperty({ format: 'uuid', description: 'The delegate.' }) toUserId: string;
  @ApiProperty({ enum: DELEGABLE_ROLES }) role: DelegableRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorityId: string | null;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({
    description:
      'In force today: not revoked, today within its days, between two active users, while the delegator still holds the grant.',
  })
  active: boolean;
  @ApiProperty({ example: 'Nguyễn Văn Hùng' }) fromUserName: string;
  @ApiProperty({ example: 'Lê Thị Mai' }) toUserName: string;
  @ApiProperty({ type: String, nullable: true, description: 'The unit of the lent grant.' })
  unitName: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Ban Thường vụ Quận ủy Ninh Kiều',
    description: 'The management authority of the lent grant.',
  })
  authorityName: string | null;
}

export class DelegationPageDto {
  @ApiProperty({ type: [DelegationDto] }) items: DelegationDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
