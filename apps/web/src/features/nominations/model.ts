import { api, call } from '../../api/client';
import type { components } from '../../api/schema';

export type Fund = components['schemas']['FundDto'];

export const STATUSES = [
  'draft',
  'in_review',
  'returned',
  'approved',
  'in_training',
  'completed',
  'not_completed',
  'rejected',
  'withdrawn',
  'cancelled',
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  in_review: 'processing',
  returned: 'warning',
  approved: 'success',
  in_training: 'cyan',
  completed: 'green',
  not_completed: 'orange',
  rejected: 'error',
  withdrawn: 'default',
  cancelled: 'default',
};

/** Who holds a step (names beside ids, when the API gives them). */
export interface StepHolder {
  userId?: string;
  displayName?: string;
  name?: string;
}

/** The step a nomination waits at, as the list and the detail describe it. */
export interface CurrentStepView {
  position?: number;
  role?: string;
  authorityName?: string | null;
  unitName?: string | null;
  holders?: StepHolder[];
  since?: string | null;
  waitingSince?: string | null;
  waitingDays?: number | null;
}

/** A row of GET /nominations; the names beside ids are read when present. */
export interface NominationRow {
  id: string;
  reference: string;
  status: string;
  version: number;
  intakeId: string;
  intakeCode?: string;
  programName?: string;
  intake?: { id: string; code: string; programName?: string; program?: { name: string } };
  targetGroup: number;
  estimatedCost: string;
  currentStep: number | CurrentStepView | null;
  decisionNumber: string | null;
  createdAt: string;
  nomineeStaffId: string;
  nomineeName: string;
  nomineeCode?: string;
  nominee?: { id: string; code: string; fullName: string };
  unitName?: string;
  nomineeUnitName?: string;
  unit?: { id: string; name: string };
  waitingSince?: string;
  waitingDays?: number;
}

export interface NominationPage {
  items: NominationRow[];
  total: number;
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

export interface CostLine {
  fundId: string;
  amount: string;
}

export interface NominationDetail {
  id: string;
  reference: string;
  nomineeStaffId: string;
  intakeId: string;
  targetGroup: 1 | 2 | 3;
  justification: string;
  estimatedCost: string;
  learnerShare: string;
  status: string;
  version: number;
  decisionNumber: string | null;
  nominee: { id: string; code: string; fullName: string };
  costLines: CostLine[];
  allowedActions: string[];
  currentStep: number | CurrentStepView | null;
}

export interface BulkResult {
  staffId: string;
  ok: boolean;
  id?: string;
  reference?: string;
  problem?: { status: number; code: string; detail: string; errors?: unknown };
}

/** The step view of a row or detail, whichever shape the API gives. */
export function stepOf(row: { currentStep: NominationRow['currentStep'] }): CurrentStepView | null {
  const step = row.currentStep;
  if (step === null || step === undefined) return null;
  if (typeof step === 'number') return { position: step };
  return step;
}

export function holdersOf(step: CurrentStepView | null): string {
  return (step?.holders ?? [])
    .map((holder) => holder.displayName ?? holder.name ?? '')
    .filter(Boolean)
    .join(', ');
}

export const nomineeCode = (row: NominationRow) => row.nomineeCode ?? row.nominee?.code ?? '';
export const unitNameOf = (row: NominationRow) =>
  row.unitName ?? row.nomineeUnitName ?? row.unit?.name ?? null;

export function fetchNominations(query: Record<string, string | number | undefined>) {
  return call(
    api.GET('/api/v1/nominations', { params: { query } }),
  ) as unknown as Promise<NominationPage>;
}

export function fetchNomination(id: string) {
  return call(
    api.GET('/api/v1/nominations/{id}', { params: { path: { id } } }),
  ) as unknown as Promise<NominationDetail>;
}

/** Submits a nomination at the version read. */
export function submitNomination(id: string, version: number) {
  return call(
    api.POST('/api/v1/nominations/{id}/actions/{action}', {
      params: { path: { id, action: 'submit' }, header: { 'If-Match': `"${version}"` } },
      body: {},
    } as never),
  ) as unknown as Promise<NominationDetail>;
}

/** A key for one intended request: the same body keeps the same key, so a retry acts once. */
export function idempotencyKeyFor(keys: Map<string, string>, body: unknown): string {
  const text = JSON.stringify(body);
  let key = keys.get(text);
  if (!key) {
    key = randomKey();
    keys.set(text, key);
  }
  return key;
}

function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
