/**
 * Which domain events notify whom: one row per event type. An event type missing here
 * notifies nobody. `awaitsAction` marks the events that ask the recipient to do something;
 * a user may move them between channels but cannot switch them off entirely.
 */
export const NOTIFIED_EVENTS = {
  'nomination.submitted': { audience: 'step_approvers', awaitsAction: true },
  'nomination.step_approved': { audience: 'step_approvers', awaitsAction: true },
  'nomination.reminder': { audience: 'step_approvers', awaitsAction: true },
  'nomination.escalated': { audience: 'authority_board_members', awaitsAction: true },
  'nomination.returned': { audience: 'unit_head', awaitsAction: true },
  'nomination.approved': { audience: 'unit_head_and_nominee', awaitsAction: false },
  'nomination.rejected': { audience: 'unit_head_and_nominee', awaitsAction: false },
  'nomination.cancelled': { audience: 'unit_head_and_nominee', awaitsAction: false },
  'nomination.withdrawn': { audience: 'step_approvers', awaitsAction: false },
  'fund.threshold_crossed': { audience: 'fund_owner_finance', awaitsAction: false },
  'fund.pipeline_warning': { audience: 'fund_owner_finance', awaitsAction: false },
} as const satisfies Record<string, { audience: Audience; awaitsAction: boolean }>;

export type Audience =
  /** Whoever can act on the nomination's current step now, and their delegates. */
  | 'step_approvers'
  /** The `board_member` users of the step's authority (escalation). */
  | 'authority_board_members'
  /** The nominator and the unit heads of the nominating unit. */
  | 'unit_head'
  | 'unit_head_and_nominee'
  /** The finance users over the fund's owner unit. */
  | 'fund_owner_finance';

export type NotifiedEventType = keyof typeof NOTIFIED_EVENTS;
export const NOTIFIED_EVENT_TYPES = Object.keys(NOTIFIED_EVENTS) as NotifiedEventType[];

export const isNotified = (type: string): type is NotifiedEventType =>
  Object.hasOwn(NOTIFIED_EVENTS, type);

/**
 * Events about a user's own account, whose aggregate is that user: they go to that user by
 * email only, whatever their preferences, and are not in the preferences list. An
 * invitation carries its link, sealed, in the payload (libs/access `issueInvitations`).
 */
export const ACCOUNT_EVENT_TYPES = ['user.invited'] as const;
export type AccountEventType = (typeof ACCOUNT_EVENT_TYPES)[number];

export const isAccountEvent = (type: string): type is AccountEventType =>
  (ACCOUNT_EVENT_TYPES as readonly string[]).includes(type);

/** Every event type that sends something to someone. */
export type SentEventType = NotifiedEventType | AccountEventType;
export const SENT_EVENT_TYPES: SentEventType[] = [...NOTIFIED_EVENT_TYPES, ...ACCOUNT_EVENT_TYPES];

export const isSent = (type: string): type is SentEventType =>
  isNotified(type) || isAccountEvent(type);

export type Channel = 'email' | 'inbox';
export type Locale = 'vi' | 'en';
