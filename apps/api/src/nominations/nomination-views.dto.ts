import { FUND_SOURCES } from '@app/budget';
import { PROGRAM_CATEGORIES } from '@app/catalog';
import { ACTIONS, NAMED_HOLDERS, STATES } from '@app/nominations';
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

export class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Phường An Hòa' }) name: string;
}

export class IntakeRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CNKT-2027-1' }) code: string;
  @ApiProperty({
    example: 'Cập nhật kiến thức cho cán bộ lãnh đạo',
    description: 'An intake has no name of its own: its programme’s name.',
  })
  name: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ example: 'Cần Thơ' }) location: string;
}

export class ProgramRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PROGRAM_CATEGORIES }) category: string;
}

export class StepHolderDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'Võ Thị Thu Hương' }) displayName: string;
}

export class CurrentStepSummaryDto {
  @ApiProperty() position: number;
  @ApiProperty({ enum: STEP_ROLES }) role: string;
  @ApiProperty(UUID_OR_NULL) authorityId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Ban Thường vụ Quận ủy Ninh Kiều' })
  authorityName: string | null;
  @ApiProperty({ ...UUID_OR_NULL, description: 'The finance step’s unit.' }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The finance step’s unit.' })
  unitName: string | null;
  @ApiProperty({
    type: [StepHolderDto],
    description: `Who may act on the step today (own grants and grants lent to them today, less those the conflict-of-interest rules exclude), the first ${NAMED_HOLDERS} by name.`,
  })
  holders: StepHolderDto[];
  @ApiProperty({ description: 'How many people may act on the step today, all of them.' })
  holderCount: number;
  @ApiProperty({ format: 'date-time', description: 'When the step became current.' })
  waitingSince: Date;
  @ApiProperty({ description: 'Whole days since waitingSince.' }) daysWaiting: number;
}

export class NominationCostLineViewDto {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty(MONEY) amount: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The fund’s code; this and the other fund members are null for a caller who does not read the nomination’s money (the nominee).',
  })
  fundCode: string | null;
  @ApiProperty({ type: String, nullable: true }) fundName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The unit that owns the fund.' })
  fundOwnerUnitName: string | null;
  @ApiProperty({ enum: FUND_SOURCES, type: String, nullable: true }) fundSource: string | null;
  @ApiProperty({ type: Number, nullable: true }) fundFiscalYear: number | null;
}

/** The names beside a nomination's ids, in its detail and in list items alike. */
class NominationNamesDto {
  @ApiProperty({ type: NomineeRefDto }) nominee: NomineeRefDto;
  @ApiProperty({ type: UnitRefDto, description: 'The nominee’s unit.' }) unit: UnitRefDto;
  @ApiProperty({ type: IntakeRefDto }) intake: IntakeRefDto;
  @ApiProperty({ type: ProgramRefDto }) program: ProgramRefDto;
  @ApiProperty({
    type: CurrentStepSummaryDto,
    nullable: true,
    description: 'The step in review and who may act on it; null unless in review.',
  })
  currentStepSummary: CurrentStepSummaryDto | null;
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
  @ApiProperty({ type: String, nullable: true }) actedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) onBehalfOfName: string | null;
  @ApiProperty({ type: String, nullable: true }) authorityName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The finance step’s unit.' })
  unitName: string | null;
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
  @ApiProperty({ type: String, nullable: true, description: 'Null for the system.' })
  actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) onBehalfOfName: string | null;
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

/** The decision that approved a nomination. */
export class NominationDecisionDto {
  @ApiProperty({ format: 'uuid', description: 'GET /api/v1/nominations/decisions/:id' })
  id: string;
  @ApiProperty({ example: '0007/QĐ-TU/2026' }) number: string;
  @ApiProperty({
    enum: ['single', 'list'],
    description: 'list: one decision with an attached list, this nomination one of its lines.',
  })
  kind: 'single' | 'list';
  @ApiProperty({ type: Number, nullable: true, description: 'Its line on a list decision.' })
  line: number | null;
  @ApiProperty({ format: 'date' }) decidedOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) meetingDate: string | null;
  @ApiProperty({ type: String, nullable: true }) meetingNumber: string | null;
}

/** Another nomination of the same nominee, linked by a copy. */
export class LinkedNominationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: STATES }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class NominationDetailDto extends NominationNamesDto {
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
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decisionId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Its line on a list decision.' })
  decisionLine: number | null;
  @ApiProperty({ type: NominationDecisionDto, nullable: true })
  decision: NominationDecisionDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) copiedFromId: string | null;
  @ApiProperty({
    type: LinkedNominationDto,
    nullable: true,
    description: 'The nomination this draft was copied from.',
  })
  copiedFrom: LinkedNominationDto | null;
  @ApiProperty({ type: [LinkedNominationDto], description: 'The copies made of this one.' })
  copiedTo: LinkedNominationDto[];
  @ApiProperty({
    description: 'Whether the caller may copy it as a new draft now (POST …/:id/copy).',
  })
  mayCopy: boolean;
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

export class CopiedNominationDto extends NominationDetailDto {
  @ApiProperty({
    description:
      'False when the intake no longer takes nominations: the draft keeps it, but choose another intake before submitting.',
  })
  intakeOpen: boolean;
}

export class NominationListItemDto extends NominationNamesDto {
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
  @ApiProperty({ type: Number, nullable: true, description: 'Its line on a list decision.' })
  decisionLine: number | null;
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

export class NominationStatusCountsDto {
  @ApiProperty() draft: number;
  @ApiProperty() in_review: number;
  @ApiProperty() returned: number;
  @ApiProperty() approved: number;
  @ApiProperty() in_training: number;
  @ApiProperty() completed: number;
  @ApiProperty() not_completed: number;
  @ApiProperty() rejected: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() cancelled: number;
}

export class NominationSummaryDto {
  @ApiProperty({
    type: NominationStatusCountsDto,
    description:
      'How many nominations the caller may see are in each state (every state, 0 included).',
  })
  byStatus: NominationStatusCountsDto;
  @ApiProperty({ description: 'All of them.' }) total: number;
  @ApiProperty({
    description:
      'In review at a step the caller (or whoever delegated to them today) may act on now, as `awaiting=me` lists; counted up to 1,000.',
  })
  awaitingMe: number;
  @ApiProperty({ description: 'awaitingMe reached the cap and there are more.' })
  awaitingMeCapped: boolean;
}
