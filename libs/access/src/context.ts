import { Clock, WorkActor, WorkContext } from '@app/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from './actor';

/** A person's request: who acts, in which transaction, at what time. See WorkContext. */
export type Ctx = WorkContext<Actor>;

/** Work a person or the system may do: a service that scheduled jobs also call takes this. */
export type AnyCtx = WorkContext<Actor | null>;

/**
 * @deprecated For callers that hold only a manager (their own transaction's) and do not
 * carry a WorkContext yet: a context over that manager, so they can call a service that
 * takes one. Delete once every caller passes its own context.
 */
export function contextOver<A extends WorkActor | null>(
  actor: A,
  manager: EntityManager,
  clock: Clock = new Clock(),
): WorkContext<A> {
  return WorkContext.start(actor, { manager } as DataSource, clock);
}
