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
