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
