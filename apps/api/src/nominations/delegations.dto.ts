import { DELEGABLE_ROLES, DelegableRole } from '@app/nominations';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, YYYY-MM-DD, that exists. */
function IsDay(): PropertyDecorator {
  return (target, property) => {
    IsISO8601({ strict: true, strictSeparator: true })(target, property);
    Matches(DATE, { message: `${String(property)} must be a date YYYY-MM-DD` })(target, property);
  };
}

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
