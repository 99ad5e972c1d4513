import { TONE } from '../../components/tones';
import { api, call } from '../../api/client';
import type { components, operations } from '../../api/schema';

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

/** The app's dark tag colours (white text reads at 4.5:1 or more), by this area's names. */
export const TAG_COLORS = {
  neutral: TONE.neutral,
  info: TONE.info,
  warning: TONE.warn,
  success: TONE.good,
  error: TONE.bad,
  teal: TONE.teal,
} as const;

export type NominationRow = components['schemas']['NominationListItemDto'];
export type NominationPage = components['schemas']['NominationPageDto'];
export type NominationDetail = components['schemas']['NominationDetailDto'];
export type CurrentStepView = components['schemas']['CurrentStepSummaryDto'];
export type BulkResult = components['schemas']['BulkResultDto'];

/** The step a nomination waits at, with who may act on it. */
export const stepOf = (row: { currentStepSummary: CurrentStepView | null }) =>
  row.currentStepSummary;

export function holdersOf(step: CurrentStepView | null): string {
  return (step?.holders ?? []).map((holder) => holder.displayName).join(', ');
}

export type NominationQuery = NonNullable<
  operations['NominationsController_list']['parameters']['query']
>;

export function fetchNominations(query: NominationQuery): Promise<NominationPage> {
  return call(api.GET('/api/v1/nominations', { params: { query } }));
}

export function fetchNomination(id: string): Promise<NominationDetail> {
  return call(api.GET('/api/v1/nominations/{id}', { params: { path: { id } } }));
}

/** Submits a nomination at the version read. */
export function submitNomination(id: string, version: number) {
  return call(
    api.POST('/api/v1/nominations/{id}/actions/{action}', {
      params: { path: { id, action: 'submit' }, header: { 'If-Match': `"${version}"` } },
      body: {},
    } as never),
  ) as Promise<NominationDetail>;
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
