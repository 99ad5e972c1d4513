import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorTables, GENERATED_END, GENERATED_START, withErrorTables } from './doc';

const path = join(__dirname, '../../../../../docs/errors.md');

describe('docs/errors.md', () => {
  it('should have the tables the catalogue says (run `npm run docs:errors`)', () => {
    const doc = readFileSync(path, 'utf8');
    expect(withErrorTables(doc)).toBe(doc);
  });

  it('should write every code of a context in its table, with its status', () => {
    const tables = errorTables();
    expect(tables.startsWith(GENERATED_START)).toBe(true);
    expect(tables.endsWith(GENERATED_END)).toBe(true);
    expect(tables).toMatch(/^\| `BUDGET_EXCEEDED` +\| 422 +\| A fund cannot pay/m);
    expect(tables).toMatch(/^\| `GRANTS_INCOMPLETE`, `GRANTS_LEVEL_RANGE` +\| /m);
  });

  it('should refuse a document that lost its markers', () => {
    expect(() => withErrorTables('# Error codes\n')).toThrow(/markers/);
  });
});
