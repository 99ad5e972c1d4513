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
import { NomineeRefDto, UnitRefDto } from './nomination-views.dto';
import { ISSUE_AS, IssueAs, STATES } from '@app/nominations';

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
  @ApiProperty({ format: 'date', example: '2026-11-20', description: 'Not after today.' })
  @IsDay()
  meetingDate: string;

  @ApiPropertyOptional({
    example: '12-BB/TU',
    description: 'The meeting’s number as written in its minutes; required with one_list.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  meetingNumber?: string;

  @ApiPropertyOptional({
    enum: ISSUE_AS,
    description:
      'separate: a decision number per approved nomination; one_list: one decision with an attached list per deciding authority, each approved nomination a numbered line. Absent: as each deciding authority issues by default (its decisionIssue, separate unless set).',
  })
  @IsOptional()
  @IsIn(ISSUE_AS)
  issueAs?: IssueAs;

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
  @ApiPropertyOptional({
    enum: STATES,
    description: 'When ok: the state reached (in_review after a step that is not the last).',
  })
  status?: string;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'When ok: the decision issued, if the approval was the decision.',
  })
  decisionId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '0007/QĐ-TU/2026' })
  decisionNumber?: string | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Its line on a one_list decision.',
  })
  decisionLine?: number | null;
  @ApiPropertyOptional({ type: ItemProblemDto, description: 'Why not, when ok is false.' })
  problem?: ItemProblemDto;
}

export class BatchDecisionResultDto {
  @ApiProperty({ format: 'date', example: '2026-11-20' }) meetingDate: string;
  @ApiProperty({ type: String, nullable: true }) meetingNumber: string | null;
  @ApiProperty({
    enum: ISSUE_AS,
    nullable: true,
    description: 'As sent; null: each deciding authority’s default.',
  })
  issueAs: IssueAs | null;
  @ApiProperty({ type: [DecisionResultDto], description: 'One per item, in the order sent.' })
  results: DecisionResultDto[];
}

export class DecisionAuthorityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class DecisionIntakeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ description: 'Its programme’s name.' }) name: string;
}

export class DecisionLineDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Null on a single decision.' })
  line: number | null;
  @ApiProperty({ format: 'uuid' }) nominationId: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: STATES }) status: string;
  @ApiProperty({ type: NomineeRefDto }) nominee: NomineeRefDto;
  @ApiProperty({ type: UnitRefDto, description: 'The nominee’s unit.' }) unit: UnitRefDto;
  @ApiProperty({ type: DecisionIntakeDto }) intake: DecisionIntakeDto;
}

/** A decision with the lines the caller may see. */
export class DecisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '0007/QĐ-TU/2026' }) number: string;
  @ApiProperty({ enum: ['single', 'list'] }) kind: 'single' | 'list';
  @ApiProperty({ type: DecisionAuthorityDto }) authority: DecisionAuthorityDto;
  @ApiProperty({ format: 'date' }) decidedOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) meetingDate: string | null;
  @ApiProperty({ type: String, nullable: true }) meetingNumber: string | null;
  @ApiProperty({ description: 'All its lines, including those the caller may not see.' })
  lineCount: number;
  @ApiProperty({ type: [DecisionLineDto], description: 'The lines the caller may see.' })
  lines: DecisionLineDto[];
}
