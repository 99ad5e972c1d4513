import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from './clock';
import { WorkContext } from './work-context';

/** A manager that counts the transactions it opens and hands out a distinct one each time. */
function fakeDataSource() {
  const opened: EntityManager[] = [];
  const manager = {
    transaction: async (work: (m: EntityManager) => Promise<unknown>) => {
      const tx = { name: `tx${opened.length + 1}` } as unknown as EntityManager;
      opened.push(tx);
      return work(tx);
    },
  } as unknown as EntityManager;
  return { dataSource: { manager } as DataSource, manager, opened };
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
});
