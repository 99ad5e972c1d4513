import { FieldErrorDto } from '../http/problem';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDay } from '../http/validation';

export class DecisionItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  nominationId: string;

  @ApiProperty({ description: 'The version the decider read (as in If-Match).' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ enum: ['approve', 'return', 'reject'] })
  @IsIn(['approve', 'return', 'reject'])
  action: 'approve' | 'return' | 'reject';

  @ApiPropertyOptional({ description: 'Required to return or reject.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

/** The decisions of one meeting (e.g. of a Standing Committee), one per nomination. */
export class BatchDecisionDto {
  @ApiProperty({ format: 'date', example: '2026-11-20' })
  @IsDay()
  meetingDate: string;

  @ApiProperty({ type: [DecisionItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DecisionItemDto)
  items: DecisionItemDto[];
}

/** A problem as an item of a batch answer: the problem details without `type` and `instance`. */
export class ItemProblemDto {
  @ApiProperty({ example: 'Conflict' }) title: string;
  @ApiProperty({ example: 409 }) status: number;
  @ApiProperty({ example: 'VERSION_CONFLICT' }) code: string;
  @ApiProperty() detail: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ description: 'VERSION_CONFLICT: the version the nomination has now.' })
  currentVersion?: number;
}

export class DecisionResultDto {
  @ApiProperty({ format: 'uuid' }) nominationId: string;
  @ApiProperty({ description: 'Whether the action was taken.' }) ok: boolean;
  @ApiPropertyOptional({ type: ItemProblemDto, description: 'Why not, when ok is false.' })
  problem?: ItemProblemDto;
}

export class BatchDecisionResultDto {
  @ApiProperty({ format: 'date', example: '2026-11-20' }) meetingDate: string;
  @ApiProperty({ type: [DecisionResultDto], description: 'One per item, in the order sent.' })
  results: DecisionResultDto[];
}
