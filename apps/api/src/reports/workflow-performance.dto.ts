import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsDay } from '../http/validation';
import { ReportFormatQueryDto } from './report-query.dto';

const ROLES = ['board_reviewer', 'board_member', 'finance'];

export class WorkflowPerformanceQueryDto extends ReportFormatQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2025-12-01',
    description:
      'First day (Vietnam time) whose step decisions and history count (default: 364 days before `to`).',
  })
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-11-30',
    description: 'Last day counted, on or after `from` (default: today in Vietnam).',
  })
  @IsOptional()
  @IsDay()
  to?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only nominations of staff in this unit and its subtree.',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class StepAuthorityDto {
  @ApiProperty({
    enum: ['management_authority', 'unit'],
    description:
      'A management authority for board steps, the paying fund’s owner unit for finance.',
  })
  kind: 'management_authority' | 'unit';

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Ban Thường vụ Quận ủy Ninh Kiều' })
  name: string;
}

export class StepTimesDto {
  @ApiProperty({ example: 1, description: 'Position of the step in the chain.' })
  position: number;

  @ApiProperty({ enum: ROLES })
  role: 'board_reviewer' | 'board_member' | 'finance';

  @ApiProperty({ type: StepAuthorityDto })
  authority: StepAuthorityDto;

  @ApiProperty({ example: 412, description: 'Steps decided (approved, returned, rejected).' })
  count: number;

  @ApiProperty({
    example: 26.5,
    description: 'Median hours from the step becoming the waiting one to its decision (1 decimal).',
  })
  medianHours: number;

  @ApiProperty({ example: 70.1, description: '90th percentile of the same, in hours.' })
  p90Hours: number;
}

export class OverdueByAuthorityDto {
  @ApiProperty({ type: StepAuthorityDto })
  authority: StepAuthorityDto;

  @ApiProperty({ example: 7 })
  count: number;
}

export class NomineeRefDto {
  @ApiProperty({ format: 'uuid' })
  staffId: string;

  @ApiProperty({ example: 'Nguyễn Thị Hạnh' })
  fullName: string;
}

export class StepRefDto {
  @ApiProperty({ example: 2 })
  position: number;

  @ApiProperty({ enum: ROLES })
  role: 'board_reviewer' | 'board_member' | 'finance';
}

export class OverdueWaitDto {
  @ApiProperty({ format: 'uuid' })
  nominationId: string;

  @ApiProperty({ example: 'DT-2026-000123' })
  reference: string;

  @ApiProperty({ type: NomineeRefDto })
  nominee: NomineeRefDto;

  @ApiProperty({ type: StepRefDto })
  step: StepRefDto;

  @ApiProperty({ type: StepAuthorityDto })
  authority: StepAuthorityDto;

  @ApiProperty({ format: 'date-time', description: 'When the current step started waiting.' })
  waitingSince: string;

  @ApiProperty({ example: 9, description: 'Whole working days (Monday to Friday) since.' })
  workingDays: number;
}

export class OverdueNowDto {
  @ApiProperty({ example: 3, description: 'REMINDER_WORKING_DAYS: a wait this long is overdue.' })
  thresholdWorkingDays: number;

  @ApiProperty({ format: 'date-time', description: 'When the waits were measured.' })
  asOf: string;

  @ApiProperty({ example: 12, description: 'Nominations in review waiting too long now.' })
  total: number;

  @ApiProperty({ type: [OverdueByAuthorityDto], description: 'Most first.' })
  byAuthority: OverdueByAuthorityDto[];

  @ApiProperty({ type: [OverdueWaitDto], description: 'The 20 longest waits, longest first.' })
  oldest: OverdueWaitDto[];
}

export class WorkflowRatesDto {
  @ApiProperty({ example: 250, description: 'Nominations approved or rejected in the period.' })
  decided: number;

  @ApiProperty({ example: 200 })
  approved: number;

  @ApiProperty({ example: 50 })
  rejected: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 80,
    description: 'approved / decided in percent, 2 decimals; null when nothing was decided.',
  })
  approvalRate: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 20 })
  rejectionRate: number | null;

  @ApiProperty({ example: 460, description: 'Submissions (first, or again after a return).' })
  submissions: number;

  @ApiProperty({ example: 52 })
  returns: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 11.3,
    description: 'returns / submissions in percent, 2 decimals; null when nothing was submitted.',
  })
  returnRate: number | null;
}

export class WorkflowPerformanceDto {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId: string | null;

  @ApiProperty({ type: [StepTimesDto], description: 'By position, role and authority.' })
  stepTimes: StepTimesDto[];

  @ApiProperty({ type: OverdueNowDto, description: 'Now, whatever the period.' })
  overdue: OverdueNowDto;

  @ApiProperty({ type: WorkflowRatesDto })
  rates: WorkflowRatesDto;
}
