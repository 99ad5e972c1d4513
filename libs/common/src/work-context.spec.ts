import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from './clock';
import { WorkContext } from './work-context';

/** A manager that counts the transactions it opens and hands out a distinct one each time. */
function fakeDataSource() {
  const opened: EntityManager[] = [];
  const isolations: unknown[] = [];
  const manager = {
    transaction: async (...args: unknown[]) => {
      const work = args[args.length - 1] as (m: EntityManager) => Promise<unknown>;
      const tx = { name: `tx${opened.length + 1}` } as unknown as EntityManager;
      opened.push(tx);
      isolations.push(args.length > 1 ? args[0] : undefined);
      return work(tx);
    },
  } as unknown as EntityManager;
  return { dataSource: { manager } as DataSource, manager, opened, isolations };
}

describe('WorkContext', () => {
  it('opens one transaction at the outermost call and lets nested calls join it', async () => {
    const { dataSource, manager, opened } = fakeDataSource();
    const ctx = WorkContext.start({ userId: 'u1' }, dataSource, new Clock(), 'req-1');
    expect(ctx.manager).toBe(manager);
    const seen = await ctx.transaction(async (outer) =>
      outer.transaction(async (inner) => [outer.manager, inner.manager]),
    );
    expect(opened).toHaveLength(1);
    expect(seen).toEqual([opened[0], opened[0]]);
  });

  it('keeps actor, clock and request across transactions and actors', async () => {
    const { dataSource } = fakeDataSource();
    const clock = new Clock();
    const ctx = WorkContext.start({ userId: 'u1' }, dataSource, clock, 'req-1');
    await ctx.transaction(async (tx) => {
      expect(tx.actorUserId).toBe('u1');
      expect(tx.clock).toBe(clock);
      expect(tx.requestId).toBe('req-1');
      const system = tx.as(null);
      expect(system.actorUserId).toBeNull();
      expect(system.manager).toBe(tx.manager);
      expect(system.inTransaction).toBe(true);
    });
  });

  it('opens a transaction with the isolation asked for, and joins one already open', async () => {
    const { dataSource, opened, isolations } = fakeDataSource();
    const ctx = WorkContext.start(null, dataSource, new Clock());
    await ctx.transaction(
      (outer) => outer.transaction(async () => undefined, 'SERIALIZABLE'),
      'REPEATABLE READ',
    );
    await ctx.transaction(async () => undefined);
    expect(opened).toHaveLength(2);
    expect(isolations).toEqual(['REPEATABLE READ', undefined]);
  });

  it('joins a transaction its caller opened without a context', async () => {
    const { manager, opened } = fakeDataSource();
    const ctx = WorkContext.joining(null, manager, new Clock());
    expect(ctx.inTransaction).toBe(true);
    const seen = await ctx.transaction(async (tx) => tx.manager);
    expect(seen).toBe(manager);
    expect(opened).toHaveLength(0);
  });

  it('refuses work that needs transactions of its own inside a caller’s', async () => {
    const { dataSource } = fakeDataSource();
    const ctx = WorkContext.start({ userId: 'u1' }, dataSource, new Clock());
    expect(() => ctx.assertOutsideTransaction('A batch')).not.toThrow();
    await ctx.transaction(async (tx) => {
      expect(() => tx.assertOutsideTransaction('A batch')).toThrow(
        'A batch needs transactions of its own',
      );
    });
  });
});
