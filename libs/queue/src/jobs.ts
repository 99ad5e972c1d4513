import type { JobsOptions } from 'bullmq';

/**
 * Every queue and every job in one place: the queue a job goes to, its payload type
 * and its options. Payloads carry ids, never whole records: handlers re-read state.
 */
export const QueueName = {
  system: 'system',
  nominations: 'nominations',
  notifications: 'notifications',
  reports: 'reports',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface JobPayloads {
  /** Proves that a job travels from the API through the queue to the worker. */
  'system.probe': { probeId: string; requestedAt: string; note?: string };
  /**
   * Starts the approved nominations whose intake begins on `today` (YYYY-MM-DD in the
   * organization's calendar; by default the current day) or earlier.
   */
  'nominations.start-due': { today?: string };
  /** Resolves the recipients of an outbox event and enqueues one delivery per channel. */
  'notifications.route': { eventId: string };
  /** Sends one delivery (an email, or an inbox item). */
  'notifications.deliver': { deliveryId: string };
  /** Daily: enqueues the digest of every user with gathered emails (`date`: YYYY-MM-DD). */
  'notifications.digest': { date?: string };
  /** One user's digest email for one day. */
  'notifications.send-digest': { userId: string; date: string };
  /** Enqueues again the events and deliveries whose jobs the queue lost. */
  'notifications.recover': Record<string, never>;
  /** Finds steps waiting too long; writes reminder and escalation events (`now`: ISO). */
  'notifications.reminders': { now?: string };
  /**
   * Records each unit's standards compliance (its active staff) under `date` (YYYY-MM-DD in
   * the organization's calendar; by default the current day), replacing that day's rows.
   */
  'reports.compliance-snapshot': { date?: string };
}
export type JobName = keyof JobPayloads;

interface JobDefinition {
  queue: QueueName;
  options: JobsOptions;
}

const keepFinished = {
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export const jobDefinitions = {
  'system.probe': {
    queue: QueueName.system,
    options: { attempts: 3, backoff: { type: 'exponential', delay: 500 }, ...keepFinished },
  },
  'nominations.start-due': {
    queue: QueueName.nominations,
    // Idempotent: a retry or an overlapping run only finds what is still due.
    options: { attempts: 5, backoff: { type: 'exponential', delay: 5_000 }, ...keepFinished },
  },
  'notifications.route': {
    queue: QueueName.notifications,
    // Idempotent: deliveries are unique per (event, recipient, channel). Prioritized, which
    // in BullMQ means after unprioritized jobs: in a burst, the deliveries of the earliest
    // events go out before later events are routed.
    options: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 1_000 },
      priority: 10,
      ...keepFinished,
    },
  },
  'notifications.deliver': {
    queue: QueueName.notifications,
    // The delivery record keeps the outcome, so a failed job is not kept in Redis: a kept
    // failed job would swallow a later retry added under the same id.
    options: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: keepFinished.removeOnComplete,
      removeOnFail: true,
    },
  },
  'notifications.digest': {
    queue: QueueName.notifications,
    options: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 }, ...keepFinished },
  },
  'notifications.send-digest': {
    queue: QueueName.notifications,
    options: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 10_000 },
      removeOnComplete: keepFinished.removeOnComplete,
      removeOnFail: true,
    },
  },
  'notifications.recover': {
    queue: QueueName.notifications,
    options: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 }, ...keepFinished },
  },
  'notifications.reminders': {
    queue: QueueName.notifications,
    options: { attempts: 5, backoff: { type: 'exponential', delay: 5_000 }, ...keepFinished },
  },
  'reports.compliance-snapshot': {
    queue: QueueName.reports,
    // Idempotent: a retry or a second run the same day replaces that day's rows.
    options: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 }, ...keepFinished },
  },
} satisfies Record<JobName, JobDefinition>;

/** The jobs of one queue, for a consumer that must handle each of them. */
export type JobsOf<Q extends QueueName> = {
  [N in JobName]: (typeof jobDefinitions)[N]['queue'] extends Q ? N : never;
}[JobName];

/** One handler per job of a queue; the compiler rejects a missing or unknown job. */
export type JobHandlers<Q extends QueueName> = {
  [N in JobsOf<Q>]: (
    payload: JobPayloads[N],
    context: { jobId: string; attempt: number; maxAttempts: number },
  ) => Promise<unknown>;
};
