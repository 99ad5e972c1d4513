import type { components } from '../../api/schema';

/**
 * The nomination as the API answers `GET /api/v1/nominations/:id` (money as digit strings).
 * Names beside ids are optional: older answers carry the ids alone.
 */
export type Verdict = components['schemas']['VerdictDto'];
export type StepRole = 'board_reviewer' | 'board_member' | 'finance';
export type Status = keyof typeof import('../../i18n/common').common.vi.status;
export type ActionName =
  | 'edit'
  | 'submit'
  | 'approve'
  | 'return'
  | 'reject'
  | 'withdraw'
  | 'cancel'
  | 'start'
  | 'complete';

export interface StepHolder {
  userId: string;
  displayName: string;
}

export interface CurrentStepSummary {
  position: number;
  role: StepRole;
  authorityId: string | null;
  authorityName: string | null;
  unitId: string | null;
  unitName: string | null;
  holders: StepHolder[];
  holderCount: number;
  waitingSince: string;
  daysWaiting: number;
}

export interface Step {
  id: string;
  position: number;
  role: StepRole;
  authorityId: string | null;
  unitId: string | null;
  unitPath?: string;
  state: 'pending' | 'approved' | 'returned' | 'rejected';
  actedBy: string | null;
  onBehalfOf: string | null;
  actedAt: string | null;
  comment: string | null;
  actedByName?: string | null;
  onBehalfOfName?: string | null;
  authorityName?: string | null;
  unitName?: string | null;
  committee: { quorum: 'majority' | number; veto?: boolean } | null;
}

export interface HistoryEntry {
  action: string;
  from: Status | null;
  to: Status;
  stepPosition: number | null;
  actorUserId: string | null;
  onBehalfOf: string | null;
  comment: string | null;
  occurredAt: string;
  actorName?: string | null;
  onBehalfOfName?: string | null;
}

export interface CostLine {
  fundId: string;
  amount: string;
  fundCode?: string | null;
  fundName?: string | null;
  fundOwnerUnitName?: string | null;
  fundSource?: string | null;
  fundFiscalYear?: number | null;
}

export interface FundCheck {
  fundId: string;
  available: string;
  afterCommitment: string;
  pipeline: string;
  afterPipeline: string;
  verdict: 'ok' | 'warn' | 'block';
}

export interface NominationDetail {
  id: string;
  reference: string;
  nomineeStaffId: string;
  intakeId: string;
  nominatingUnitId: string;
  nominatorUserId: string;
  targetGroup: 1 | 2 | 3;
  justification: string;
  estimatedCost: string;
  learnerShare: string;
  status: Status;
  currentStep: number | null;
  returnedAtStep: number | null;
  version: number;
  decisionNumber: string | null;
  nominee: { id: string; code: string; fullName: string };
  unit?: { id: string; name: string };
  intake?: {
    id: string;
    code: string;
    name: string;
    startsOn: string;
    endsOn: string;
    location: string;
  };
  program?: { id: string; name: string; category: string };
  currentStepSummary?: CurrentStepSummary | null;
  costLines: CostLine[];
  steps: Step[];
  history: HistoryEntry[];
  allowedActions: ActionName[];
  budgetCheck: FundCheck[] | null;
  eligibility: Verdict | null;
}

export interface NominationListItem {
  id: string;
  reference: string;
  status: Status;
  version: number;
  intakeId: string;
  targetGroup: number;
  estimatedCost: string;
  currentStep: number | null;
  decisionNumber: string | null;
  createdAt: string;
  nomineeStaffId: string;
  nomineeName: string;
  unit?: { id: string; name: string };
  intake?: { id: string; code: string; name: string; startsOn: string; endsOn: string };
  program?: { id: string; name: string; category: string };
  currentStepSummary?: CurrentStepSummary | null;
  submittedAt?: string;
  waitingSince?: string;
  waitingDays?: number;
}

export interface NominationPage {
  items: NominationListItem[];
  total: number;
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

export type NominationFund = components['schemas']['NominationFundDto'];
