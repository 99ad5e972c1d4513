import { FieldErrorDto } from '../http/problem';
import { VND_PATTERN } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
import { CostLineDto } from './nominations.dto';

const AMOUNT = { message: 'amount must be a string of whole VND digits, e.g. "140000000"' };

export class BulkNomineeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  staffId: string;

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

export class BulkNominationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  intakeId: string;

  @ApiProperty({ enum: [1, 2, 3] })
  @IsInt()
  @IsIn([1, 2, 3])
  targetGroup: 1 | 2 | 3;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  justification: string;

  @ApiProperty({ type: [BulkNomineeDto], minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BulkNomineeDto)
  nominees: BulkNomineeDto[];
}

export class BulkProblemDto {
  @ApiProperty({ example: 422 }) status: number;
  @ApiProperty({ example: 'NOT_ELIGIBLE' }) code: string;
  @ApiProperty() detail: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}

export class BulkResultDto {
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ description: 'Whether the draft was created.' }) ok: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'The new draft, when ok.' }) id?: string;
  @ApiPropertyOptional({ description: 'The new draft’s reference, when ok.' }) reference?: string;
  @ApiPropertyOptional({ type: BulkProblemDto, description: 'Why not, when ok is false.' })
  problem?: BulkProblemDto;
}

export class BulkNominationResultDto {
  @ApiProperty({ type: [BulkResultDto], description: 'One per nominee, in the order sent.' })
  results: BulkResultDto[];
}
