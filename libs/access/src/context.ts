import type { WorkContext } from '@app/common';
import type { Actor } from './actor';

/** A person's request: who acts, in which transaction, at what time. See WorkContext. */
export type Ctx = WorkContext<Actor>;

/** Work a person or the system may do: a service that scheduled jobs also call takes this. */
export type AnyCtx = WorkContext<Actor | null>;
