import type { Locale, SentEventType } from '../events';

/**
 * Everything a message may say, gathered when the event is handled. Money is whole VND as
 * a digit string. Dates are ISO strings.
 */
export interface NotificationContext {
  type: SentEventType;
  recipient: { displayName: string; locale: Locale };
  /** Absolute link to what the message is about (built from APP_BASE_URL). */
  link: string;
  nomination?: {
    reference: string;
    nomineeName: string;
    programTitle: string;
    /** e.g. "Khóa 12 (2027)"; absent when unknown. */
    intakeName?: string;
    unitName: string;
    estimatedCost: string;
    /** The step now waiting (submitted, step_approved, reminder, escalated, withdrawn). */
    step?: { position: number; role: 'board_reviewer' | 'board_member' | 'finance'; count: number };
    /** Working days the step has waited (reminder, escalated). */
    waitingWorkingDays?: number;
    /** Decision number (approved). */
    decisionNumber?: string;
    /** The nomination's line when the decision was issued with an attached list. */
    decisionLine?: number;
    /** The reason given (returned, rejected, cancelled, withdrawn). */
    comment?: string;
    /** Who acted (display name), when someone did. */
    actorName?: string;
  };
  /** An invitation to choose a password (user.invited); the link carries its token. */
  invitation?: {
    /** When the link stops working (ISO date-time). */
    expiresAt: string;
    email: string;
  };
  fund?: {
    code: string;
    name: string;
    fiscalYear: number;
    /** The threshold crossed, in percent. */
    threshold: number;
    /** Utilization now, in basis points (8123 = 81.23%). */
    utilizationBasisPoints: number;
    allocated: string;
    available: string;
    /** Pipeline warning: reserved + spent, and in review, when it was raised. */
    committed?: string;
    pipeline?: string;
  };
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** One line of a daily digest: an event already rendered for the recipient. */
export interface DigestItem {
  subject: string;
  text: string;
  link: string;
  at: string;
}
