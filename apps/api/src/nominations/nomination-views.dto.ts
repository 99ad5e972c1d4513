import { ACTIONS, STATES } from '@app/nominations';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VerdictDto } from '../catalog/eligibility.dto';

const MONEY = {
  type: String,
  pattern: '^\\d{1,15}$',
  example: '28500000',
  description: 'Whole VND as a string of digits.',
};
const SIGNED_MONEY = {
  type: String,
  pattern: '^-?\\d{1,15}$',
  example: '-500000',
  description: 'Whole VND as a string of digits; negative when short.',
};
/** What a history entry records: an action, the draft's creation, or a committee member's vote. */
const HISTORY_ACTIONS = ['create', ...ACTIONS, 'vote_approve', 'vote_reject'];
const STEP_ROLES = ['board_reviewer', 'board_member', 'finance'];
const UUID_OR_NULL = { type: String, format: 'uuid', nullable: true } as const;

export class NomineeRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CB-000123' }) code: string;
  @ApiProperty({ example: 'Nguyễn Thị Hồng Nhung' }) fullName: string;
}

export class NominationCostLineViewDto {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty(MONEY) amount: string;
}

export class CommitteeRuleDto {
  @ApiProperty({
    oneOf: [
      { type: 'string', enum: ['majority'] },
      { type: 'integer', minimum: 1 },
    ],
    description:
      '`majority`: more than half of the members; a number: at least that many approvals.',
  })
  quorum: 'majority' | number;
  @ApiPropertyOptional({ description: 'A single rejection rejects.' }) veto?: boolean;
}

export class NominationStepDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'From 1, in the order the steps are taken.' }) position: number;
  @ApiProperty({ enum: STEP_ROLES }) role: string;
  @ApiProperty(UUID_OR_NULL) authorityId: string | null;
  @ApiProperty({ ...UUID_OR_NULL, description: 'The finance step’s unit.' }) unitId: string | null;
  @ApiProperty({ description: 'Path of the authority’s unit, or of the finance step’s unit.' })
  unitPath: string;
  @ApiProperty({ enum: ['pending', 'approved', 'returned', 'rejected'] }) state: string;
  @ApiProperty(UUID_OR_NULL) actedBy: string | null;
  @ApiProperty({ ...UUID_OR_NULL, description: 'The delegator, when a delegate acted for them.' })
  onBehalfOf: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) actedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({
    type: CommitteeRuleDto,
    nullable: true,
    description: 'Set on a step the role holders decide together.',
  })
  committee: CommitteeRuleDto | null;
}

export class NominationHistoryEntryDto {
  @ApiProperty({ enum: HISTORY_ACTIONS }) action: string;
  @ApiProperty({ enum: STATES, nullable: true, type: String }) from: string | null;
  @ApiProperty({ enum: STATES }) to: string;
  @ApiProperty({ type: Number, nullable: true }) stepPosition: number | null;
  @ApiProperty(UUID_OR_NULL) actorUserId: string | null;
  @ApiProperty({ ...UUID_OR_NULL, description: 'The delegator, when a delegate acted for them.' })
  onBehalfOf: string | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: Date;
}

export class FundCheckDto {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty(SIGNED_MONEY) available: string;
  @ApiProperty({ ...SIGNED_MONEY, description: 'What would be left after this nomination.' })
  afterCommitment: string;
  @ApiProperty({ ...MONEY, description: 'What is under review and would draw on the fund.' })
  pipeline: string;
  @ApiProperty(SIGNED_MONEY) afterPipeline: string;
  @ApiProperty({ enum: ['ok', 'warn', 'block'] }) verdict: 'ok' | 'warn' | 'block';
}

export class NominationDetailDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'uuid' }) nomineeStaffId: string;
  @ApiProperty({ format: 'uuid' }) intakeId: string;
  @ApiProperty({ format: 'uuid' }) nominatingUnitId: string;
  @ApiProperty({ format: 'uuid' }) nominatorUserId: string;
  @ApiProperty({ enum: [1, 2, 3] }) targetGroup: 1 | 2 | 3;
  @ApiProperty() justification: string;
  @ApiProperty(MONEY) estimatedCost: string;
  @ApiProperty(MONEY) learnerShare: string;
  @ApiProperty({ enum: STATES }) status: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Position of the step in review.' })
  currentStep: number | null;
  @ApiProperty({ type: Number, nullable: true }) returnedAtStep: number | null;
  @ApiProperty({ description: 'Also sent as the ETag; send it back in If-Match.' })
  version: number;
  @ApiProperty({ type: String, nullable: true }) decisionNumber: string | null;
  @ApiProperty({ type: NomineeRefDto }) nominee: NomineeRefDto;
  @ApiProperty({ type: [NominationCostLineViewDto] }) costLines: NominationCostLineViewDto[];
  @ApiProperty({ type: [NominationStepDto] }) steps: NominationStepDto[];
  @ApiProperty({ type: [NominationHistoryEntryDto], description: 'Oldest first.' })
  history: NominationHistoryEntryDto[];
  @ApiProperty({ enum: ACTIONS, isArray: true, description: 'What the caller may do now.' })
  allowedActions: string[];
  @ApiProperty({
    type: [FundCheckDto],
    nullable: true,
    description:
      'What each paying fund has left now; null when the nomination is closed, has no cost lines, or the caller does not read money.',
  })
  budgetCheck: FundCheckDto[] | null;
  @ApiProperty({ type: VerdictDto, nullable: true, description: 'Null once closed.' })
  eligibility: VerdictDto | null;
}

export class NominationActedDto extends NominationDetailDto {
  @ApiPropertyOptional({
    type: [FundCheckDto],
    description: 'submit: the funds as they stood when the nomination was submitted.',
  })
  submissionBudgetCheck?: FundCheckDto[];
}

export class NominationListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: STATES }) status: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'uuid' }) intakeId: string;
  @ApiProperty({ enum: [1, 2, 3] }) targetGroup: number;
  @ApiProperty(MONEY) estimatedCost: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Position of the step in review.' })
  currentStep: number | null;
  @ApiProperty({ type: String, nullable: true }) decisionNumber: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'uuid' }) nomineeStaffId: string;
  @ApiProperty() nomineeName: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'awaiting=me only.' })
  submittedAt?: Date;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'awaiting=me only: when the current step became current.',
  })
  waitingSince?: Date;
  @ApiPropertyOptional({ description: 'awaiting=me only: whole days since waitingSince.' })
  waitingDays?: number;
}

export class NominationPageDto {
  @ApiProperty({ type: [NominationListItemDto] }) items: NominationListItemDto[];
  @ApiProperty({ description: 'Counted up to a cap (10,000; awaiting=me 1,000).' }) total: number;
  @ApiProperty({ description: 'The total reached the cap and there are more.' })
  totalCapped: boolean;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
