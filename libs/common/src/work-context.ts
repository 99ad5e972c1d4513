import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { Clock } from './clock';

/** Who a piece of work is done for: at least a user id, for history and the audit trail. */
export interface WorkActor {
  userId: string;
}

/**
 * What every service call carries: who acts, the database work it belongs to, the clock,
 * and the request it came from. One is created per HTTP request (by the auth guard) or per
 * job (by the job runner) and passed down unchanged, so a service joins its caller's
 * transaction without being asked, and a forgotten argument fails to compile.
 *
 * `A` is the actor's type: `Actor` for a person's request, `null` for the system's own work
 * (a scheduled job); a service both may call takes `WorkContext<Actor | null>`.
 */
export class WorkContext<A extends WorkActor | null = WorkActor | null> {
  private constructor(
    readonly actor: A,
    /** The transaction's manager inside `transaction()`, the pool's outside it. */
    readonly manager: EntityManager,
    readonly clock: Clock,
    readonly requestId: string | null,
    readonly inTransaction: boolean,
  ) {}

  /** A context for one request or job, outside any transaction yet. */
  static start<A extends WorkActor | null>(
    actor: A,
    dataSource: DataSource,
    clock: Clock,
    requestId: string | null = null,
  ): WorkContext<A> {
    return new WorkContext(actor, dataSource.manager, clock, requestId, false);
  }

  /**
   * A context joining a transaction its caller opened without one (the demo seeders, which
   * all run in one transaction given as a manager).
   */
  static joining<A extends WorkActor | null>(
    actor: A,
    manager: EntityManager,
    clock: Clock,
  ): WorkContext<A> {
    return new WorkContext(actor, manager, clock, null, true);
  }

  /**
   * Runs `work` in this context's transaction, opening one when there is none yet: the
   * outermost call commits or rolls back everything its callees did. `isolation` applies only
   * to a transaction opened here (e.g. one consistent snapshot for a report).
   */
  transaction<T>(
    work: (ctx: WorkContext<A>) => Promise<T>,
    isolation?: IsolationLevel,
  ): Promise<T> {
    if (this.inTransaction) return work(this);
    const joined = (manager: EntityManager) =>
      work(new WorkContext(this.actor, manager, this.clock, this.requestId, true));
    return isolation
      ? this.manager.transaction(isolation, joined)
      : this.manager.transaction(joined);
  }

  /**
   * For work that commits or rolls back on its own (one transaction per item of a batch, a
   * dry run): inside a caller's transaction it would silently become part of that one.
   */
  assertOutsideTransaction(what: string): void {
    if (this.inTransaction) {
      throw new Error(`${what} needs transactions of its own, not a caller's.`);
    }
  }

  /** The same work done for another actor (e.g. the system acting for a rule). */
  as<B extends WorkActor | null>(actor: B): WorkContext<B> {
    return new WorkContext(actor, this.manager, this.clock, this.requestId, this.inTransaction);
  }

  /** The acting user's id, or null for the system. */
  get actorUserId(): string | null {
    return this.actor?.userId ?? null;
  }
}
