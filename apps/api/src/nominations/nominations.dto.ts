import { VND_PATTERN } from '@app/common';
import { ACTIONS } from '@app/nominations';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { FundDto } from '../budget/funds.dto';
import { PageQueryDto } from '../http/paging';
import { QueryInteger } from '../http/validation';

const AMOUNT = { message: 'amount must be a string of whole VND digits, e.g. "140000000"' };

export class CostLineDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fundId: string;

  @ApiProperty({ example: '28500000', description: 'Whole VND as a string of digits.' })
  @Matches(VND_PATTERN, AMOUNT)
  amount: string;
}

export class CreateNominationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  nomineeStaffId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  intakeId: string;

  @ApiProperty({
    enum: [1, 2, 3],
    description: '1 below standard, 2 planning pool, 3 everyone else',
  })
  @IsInt()
  @IsIn([1, 2, 3])
  targetGroup: 1 | 2 | 3;

  @ApiProperty({
    example: 'Đồng chí giữ chức vụ Phó Chủ tịch, chưa đạt chuẩn lý luận chính trị cao cấp.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  justification: string;

  @ApiProperty({ type: [CostLineDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CostLineDto)
  costLines: CostLineDto[];

  @ApiPropertyOptional({ example: '0', description: 'The learner’s own share, whole VND.' })
  @IsOptional()
  @Matches(VND_PATTERN, AMOUNT)
  learnerShare?: string;
}

/** Everything but the nominee may change while the nomination is a draft or returned. */
export class UpdateNominationDto extends PartialType(CreateNominationDto) {}

export class ActionDto {
  @ApiPropertyOptional({ description: 'Required to return, reject or cancel.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({
    description:
      "Finance over every fund charged only (anyone else: 403 OVERRIDE_NOT_ALLOWED): let a warn fund pay beyond its money, with this reason. On the deciding approval and on completion it applies at once; on finance's own earlier step it is kept for the decision; on an action that moves no money it is 400 OVERRIDE_NOT_APPLICABLE.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  overrideReason?: string;

  @ApiPropertyOptional({
    description: 'complete: whether the training was completed (default true).',
  })
  @IsOptional()
  @IsBoolean()
  passed?: boolean;

  @ApiPropertyOptional({
    type: [CostLineDto],
    description:
      'complete: the actual cost per fund (default: as reserved); only the reserved funds, unless finance over another fund that can pay (else 422 FUND_NOT_RESERVED).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CostLineDto)
  actualCostLines?: CostLineDto[];
}

export class ActionParamsDto {
  @IsUUID()
  id: string;

  @IsIn(ACTIONS.filter((action) => action !== 'edit'))
  action: string;
}

export class NominationQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  status?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  intakeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Nominees in this unit’s subtree.' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  nomineeStaffId?: string;

  @ApiPropertyOptional({ enum: [1, 2, 3] })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @IsIn([1, 2, 3])
  targetGroup?: number;

  @ApiPropertyOptional({
    enum: ['me'],
    description:
      'me: in review at a step you (or someone who delegated to you today) may act on now, oldest first, with waitingSince and waitingDays.',
  })
  @IsOptional()
  @IsIn(['me'])
  awaiting?: 'me';
}

export class NominationFundDto extends FundDto {
  @ApiProperty({
    type: String,
    example: '40500000',
    description: 'This nomination’s cost line on the fund, whole VND as a string of digits.',
  })
  amount: string;
}

export class NominationFundsDto {
  @ApiProperty({ type: [NominationFundDto] }) items: NominationFundDto[];
}

export class NominationSummaryQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Nominees in this unit’s subtree.' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  intakeId?: string;
}
