import type { Actor, Ctx } from '@app/access';
import type { FundsService, FundSummaryRow } from '@app/budget';
import { BudgetUsageService, withImportedSpend } from './budget-usage.service';
import type { ImportedSpendService } from './imported-spend.service';

const tiers = {
  city: { tierId: 't1', tierLevel: 1, tierCode: 'city', tierName: 'Thành phố' },
  district: { tierId: 't2', tierLevel: 2, tierCode: 'district', tierName: 'Quận/huyện' },
};

function row(
  fiscalYear: number,
  tier: keyof typeof tiers,
  source: FundSummaryRow['source'],
  allocated: bigint,
  reserved = 0n,
  spent = 0n,
): FundSummaryRow {
  return {
    fiscalYear,
    ...tiers[tier],
    source,
    funds: 1,
    allocated: allocated.toString(),
    reserved: reserved.toString(),
    spent: spent.toString(),
    available: (allocated - reserved - spent).toString(),
    // The service works from the amounts; these must not be used.
    utilizationPercent: -1,
    shareOfYearPercent: -1,
    sourceSharePercent: -1,
  };
}

const BIG = 9_007_199_254_740_993n; // 2^53 + 1
const SUMMARY = [
  row(2032, 'city', 'state_budget', BIG),
  row(2031, 'city', 'state_budget', 140_000_000_000n, 30_000_000_000n, 9_500_000_000n),
  row(2031, 'city', 'sponsor', 20_000_000_000n),
  row(2031, 'district', 'state_budget', 63_000_000_000n),
  row(2031, 'district', 'scholarship', 3_333_333_333n, 1_111_111_111n),
];

describe('budget usage', () => {
  const asked: Array<number | undefined> = [];
  const funds = {
    summary: async (_: Actor, year?: number) => {
      asked.push(year);
      return SUMMARY.filter((r) => year === undefined || r.fiscalYear === year);
    },
  } as unknown as FundsService;
  const service = new BudgetUsageService(funds, {
    rows: async () => [],
  } as unknown as ImportedSpendService);
  const admin = { actor: {} } as Ctx;

  it('should add up per year, tier and source in whole VND, and keep big sums exact', async () => {
    const { json } = await service.report(admin, {});
    expect(json.years.map((y) => y.fiscalYear)).toEqual([2031, 2032]);
    const [y2031, y2032] = json.years;
    expect(y2031.total).toEqual({
      funds: 4,
      allocated: '226333333333',
      reserved: '31111111111',
      spent: '9500000000',
      importedSpent: '0',
      available: '185722222222',
      utilizationPercent: 17.94, // 40 611 111 111 / 226 333 333 333 = 17.943…%
    });
    expect(y2031.sources.map((s) => [s.label, s.allocated, s.sharePercent])).toEqual([
      ['Ngân sách nhà nước', '203000000000', 89.69],
      ['Tài trợ', '20000000000', 8.83],
      ['Học bổng', '3333333333', 1.47],
    ]);
    expect(y2031.tiers.map((t) => [t.tier.code, t.sharePercent])).toEqual([
      ['city', 70.69],
      ['district', 29.3],
    ]);
    expect(
      y2031.rows.map((r) => [r.tier.code, r.source, r.sourceSharePercent, r.shareOfYearPercent]),
    ).toEqual([
      ['city', 'state_budget', 87.5, 61.85],
      ['city', 'sponsor', 12.5, 8.83],
      ['district', 'state_budget', 94.97, 27.83],
      ['district', 'scholarship', 5.02, 1.47],
    ]);
    expect(y2031.rows[0].utilizationPercent).toBe(28.21);
    expect(y2032.total.allocated).toBe('9007199254740993');
    expect(json.period.total.allocated).toBe((BIG + 226_333_333_333n).toString());
  });

  it('should ask for one year when one is wanted, and filter a range', async () => {
    asked.length = 0;
    expect((await service.report(admin, { year: 2031 })).json).toMatchObject({
      fromYear: 2031,
      toYear: 2031,
      years: [{ fiscalYear: 2031 }],
    });
    expect(asked).toEqual([2031]);
    const { json } = await service.report(admin, { fromYear: 2032 });
    expect(json).toMatchObject({ fromYear: 2032, toYear: null });
    expect(json.years.map((y) => y.fiscalYear)).toEqual([2032]);
  });

  it('should refuse a year with a range, and a reversed range', async () => {
    await expect(service.report(admin, { year: 2031, toYear: 2032 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { errors: [expect.objectContaining({ field: 'year', code: 'YEAR_WITH_RANGE' })] },
    });
    await expect(service.report(admin, { fromYear: 2033, toYear: 2031 })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ field: 'toYear', code: 'PERIOD_REVERSED' })] },
    });
  });

  it('should export tables with Vietnamese headers and money columns', async () => {
    const { tables } = await service.report(admin, {});
    expect(tables.map((t) => t.name)).toEqual(['usage', 'sources', 'tiers', 'period']);
    const usage = tables[0];
    expect(usage.columns.map((c) => c.header)).toEqual([
      'Năm',
      'Cấp',
      'Nguồn',
      'Dự toán',
      'Đã giữ chỗ',
      'Đã chi',
      'Còn lại',
      'Tỷ lệ sử dụng (%)',
      'Tỷ trọng nguồn (%)',
    ]);
    expect(usage.columns.filter((c) => c.type === 'money').map((c) => c.key)).toEqual([
      'allocated',
      'reserved',
      'spent',
      'available',
    ]);
    expect((usage.rows as Array<Record<string, unknown>>).at(-1)).toMatchObject({
      year: 2032,
      allocated: '9007199254740993',
    });
  });
});

describe('imported spending in budget usage', () => {
  const spend = (
    fiscalYear: number,
    tier: keyof typeof tiers,
    source: FundSummaryRow['source'],
    spent: bigint,
  ) => ({
    fiscalYear,
    ...tiers[tier],
    source,
    spent: spent.toString(),
  });

  it('should add into the funds row of the same year, tier and source, or make one with nothing allocated', async () => {
    const funds = {
      summary: async () => [row(2031, 'city', 'state_budget', 100n, 0n, 10n)],
    } as unknown as FundsService;
    const imported = [
      spend(2031, 'city', 'state_budget', 40n),
      spend(2015, 'district', 'sponsor', 7n),
    ];
    const service = new BudgetUsageService(funds, {
      rows: async () => imported,
    } as unknown as ImportedSpendService);
    const { json } = await service.report({ actor: {} } as Ctx, {});
    expect(json.years.map((y) => y.fiscalYear)).toEqual([2015, 2031]);
    const [y2015, y2031] = json.years;
    expect(y2015.total).toMatchObject({
      funds: 0,
      allocated: '0',
      spent: '7',
      importedSpent: '7',
      available: '0',
    });
    // Imported money was never the funds': it neither lowers what is available nor counts as used.
    expect(y2031.total).toMatchObject({
      spent: '50',
      importedSpent: '40',
      available: '90',
      utilizationPercent: 10,
    });
    expect(withImportedSpend([], [])).toEqual([]);
  });
});
