import { buildDemoHistory } from './history-demo';

describe('demo training history', () => {
  const rows = buildDemoHistory();

  it('should be the same on every run, a few hundred rows over 2012–2022', () => {
    expect(buildDemoHistory()).toEqual(rows);
    expect(rows.length).toBeGreaterThan(250);
    expect(rows.length).toBeLessThan(500);
    const years = new Set(rows.map((row) => Number(row.startsOn.slice(0, 4))));
    expect([...years].sort()).toEqual([
      2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022,
    ]);
  });

  it('should have plausible totals: mostly fostering, most money from the state budget', () => {
    const fostering = rows.filter(
      (row) => !row.category.startsWith('degree_') && !row.category.startsWith('political_'),
    );
    expect(fostering.length / rows.length).toBeGreaterThan(0.4);
    const total = rows.reduce((sum, row) => sum + BigInt(row.cost), 0n);
    const state = rows
      .filter((row) => row.fundingSource === 'state_budget')
      .reduce((sum, row) => sum + BigInt(row.cost), 0n);
    expect(Number((state * 100n) / total)).toBeGreaterThan(60);
    expect(rows.every((row) => row.endsOn >= row.startsOn && /^\d+$/.test(row.cost))).toBe(true);
    expect(rows.filter((row) => !row.completed).length).toBeLessThan(rows.length / 10);
  });
});
