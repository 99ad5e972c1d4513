import type { Actor } from '@app/access';
import type { EntityManager } from 'typeorm';
import type { ImportContext } from './importer';
import type { ParsedRow } from './rows';
import { importStaff } from './staff.importer';
import { importUnits } from './units.importer';

/** A manager that stores nothing and notes the size of every array parameter it is sent. */
function emptyDatabase() {
  const arraySizes: number[] = [];
  const manager = {
    query: async (_sql: string, parameters: unknown[] = []) => {
      for (const parameter of parameters) {
        if (Array.isArray(parameter)) arraySizes.push(parameter.length);
      }
      return [];
    },
  } as unknown as EntityManager;
  return { manager, arraySizes };
}

const admin = { userId: 'admin', grants: [{ role: 'admin' }] } as unknown as Actor;

const context = (manager: EntityManager, rows: ParsedRow[], maxErrors: number): ImportContext => ({
  manager,
  rows,
  actor: admin,
  maxErrors,
  recordAudit: async () => undefined,
  invite: async () => undefined,
});

describe('importers', () => {
  // Unknown unit, position and authority on every row: three errors a row.
  const staffRows = (count: number): ParsedRow[] =>
    Array.from({ length: count }, (_, index) => ({
      row: index + 2,
      values: {
        code: `CB-${index}`,
        unit_code: `DV-${index}`,
        position_code: `CD-${index}`,
        authority_code: `TQ-${index}`,
      },
    }));

  it('should keep the first errors of many bad staff rows in file order and count them all', async () => {
    const { manager } = emptyDatabase();
    const plan = await importStaff(context(manager, staffRows(5000), 100));
    expect(plan.errors.total).toBe(15_000);
    expect(plan.errors.listed).toHaveLength(100);
    expect(plan.errors.listed.slice(0, 4).map((error) => [error.row, error.code])).toEqual([
      [2, 'UNKNOWN_UNIT'],
      [2, 'UNKNOWN_POSITION'],
      [2, 'UNKNOWN_AUTHORITY'],
      [3, 'UNKNOWN_UNIT'],
    ]);
    expect(plan.errors.listed[99]).toMatchObject({ row: 35, code: 'UNKNOWN_UNIT' });
  });

  it('should look codes up a few thousand at a time, not all in one parameter', async () => {
    const { manager, arraySizes } = emptyDatabase();
    await importStaff(context(manager, staffRows(5000), 100));
    // Four lookups (units, positions, authorities, staff) of 5,000 codes each.
    expect(arraySizes.reduce((sum, size) => sum + size, 0)).toBe(20_000);
    expect(Math.max(...arraySizes)).toBeLessThanOrEqual(2000);
  });

  it('should list the first unit errors in file order, those of the tree among them', async () => {
    const { manager } = emptyDatabase();
    // Row 2 names an unknown parent; rows 3 and on an unknown tier.
    const rows: ParsedRow[] = [
      { row: 2, values: { code: 'A', parent_code: 'NOWHERE' } },
      ...Array.from({ length: 10 }, (_, index) => ({
        row: index + 3,
        values: { code: `U-${index}`, tier_code: 'NO-TIER', parent_code: null },
      })),
    ];
    const plan = await importUnits(context(manager, rows, 3));
    expect(plan.errors.total).toBe(11);
    expect(plan.errors.listed.map((error) => [error.row, error.code])).toEqual([
      [2, 'UNKNOWN_PARENT'],
      [3, 'UNKNOWN_TIER'],
      [4, 'UNKNOWN_TIER'],
    ]);
  });
});
