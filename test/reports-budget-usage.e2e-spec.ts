import { Clock, WorkContext } from '@app/common';
import { BudgetService } from '@app/budget';
import { bearer, TestStack, tokenFor } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  OrganizationFixture,
  ReportSuite,
  startReportSuite,
  TIER_LEVEL,
  TierKey,
  workbook,
} from './support/report-suite';

/** part / whole in percent, rounded down to 2 decimals, in whole VND. */
const floorPercent = (part: bigint, whole: bigint) =>
  whole <= 0n ? 0 : Number((part * 10_000n) / whole) / 100;

describe('Reports: budget usage', () => {
  let stack: TestStack;
  let org: OrganizationFixture;
  let db: DataSource;
  let tokens: ReportSuite['tokens'];
  let get: ReportSuite['get'];
  let download: ReportSuite['download'];
  let expectFieldErrors: ReportSuite['expectFieldErrors'];

  beforeAll(async () => {
    ({ stack, org, db, tokens, get, download, expectFieldErrors } = await startReportSuite({
      worker: false,
    }));
    tokens.financeB = tokenFor(
      stack,
      await org.factory.user({ grants: [{ role: 'finance', unitId: org.units.districtB }] }),
    );
  });
  afterAll(() => stack?.close());

  describe('budget usage', () => {
    type Owner = 'city' | 'districtA' | 'districtB' | 'communeA';
    type Source = 'state_budget' | 'sponsor' | 'scholarship' | 'other';
    interface FundModel {
      id: string;
      year: number;
      owner: Owner;
      source: Source;
      allocated: bigint;
      reserved: bigint;
      spent: bigint;
    }
    const funds: FundModel[] = [];
    const budget = new BudgetService();
    const SOURCES: Source[] = ['state_budget', 'sponsor', 'scholarship', 'other'];
    const LABEL: Record<Source, string> = {
      state_budget: 'Ngân sách nhà nước',
      sponsor: 'Tài trợ',
      scholarship: 'Học bổng',
      other: 'Khác',
    };
    const OWNER_TIER: Record<Owner, TierKey> = {
      city: 'city',
      districtA: 'district',
      districtB: 'district',
      communeA: 'commune',
    };
    const MAX_PER_CALL = 999_999_999_999_999n;
    // Above 2^53: a JSON number would print 9999999999999998.
    const HUGE = MAX_PER_CALL * 10n + 7n;

    async function fund(year: number, owner: Owner, source: Source, allocated: bigint) {
      const first = allocated > MAX_PER_CALL ? MAX_PER_CALL : allocated;
      const created = await stack.http.post(
        '/api/v1/funds',
        {
          code: `KP-${year}-${owner}-${source}-${randomUUID().slice(0, 4)}`,
          name: 'Kinh phí đào tạo, bồi dưỡng',
          fiscalYear: year,
          ownerUnitId: org.units[owner],
          source,
          policy: 'stop',
          allocated: first.toString(),
        },
        bearer(tokens.admin),
      );
      expect(created.status).toBe(201);
      let left = allocated - first;
      while (left > 0n) {
        const amount = left > MAX_PER_CALL ? MAX_PER_CALL : left;
        const added = await stack.http.post(
          `/api/v1/funds/${created.body.id}/allocations`,
          { amount: amount.toString() },
          bearer(tokens.admin),
        );
        expect(added.status).toBe(201);
        left -= amount;
      }
      const model: FundModel = {
        id: created.body.id,
        year,
        owner,
        source,
        allocated,
        reserved: 0n,
        spent: 0n,
      };
      funds.push(model);
      return model;
    }

    async function reserve(model: FundModel, amount: bigint, settleFor?: bigint) {
      const nominationId = randomUUID();
      await WorkContext.start(null, db, new Clock()).transaction((tx) =>
        budget.reserve(tx, {
          nominationId,
          lines: [{ fundId: model.id, amount }],
        }),
      );
      model.reserved += amount;
      if (settleFor !== undefined) {
        await WorkContext.start(null, db, new Clock()).transaction((tx) =>
          budget.settle(tx, {
            nominationId,
            lines: [{ fundId: model.id, amount: settleFor }],
          }),
        );
        model.reserved -= amount;
        model.spent += settleFor;
      }
    }

    interface Sums {
      funds: number;
      allocated: bigint;
      reserved: bigint;
      spent: bigint;
    }
    const sum = (list: FundModel[]): Sums => ({
      funds: list.length,
      allocated: list.reduce((n, f) => n + f.allocated, 0n),
      reserved: list.reduce((n, f) => n + f.reserved, 0n),
      spent: list.reduce((n, f) => n + f.spent, 0n),
    });
    const usage = (s: Sums) => ({
      funds: s.funds,
      allocated: s.allocated.toString(),
      reserved: s.reserved.toString(),
      spent: s.spent.toString(),
      // No history imported here.
      importedSpent: '0',
      available: (s.allocated - s.reserved - s.spent).toString(),
      utilizationPercent: floorPercent(s.reserved + s.spent, s.allocated),
    });

    /** The breakdown expected of some funds: total, per tier, per source. */
    function breakdown(list: FundModel[]) {
      const total = sum(list);
      const tiers = (['city', 'district', 'commune'] as TierKey[])
        .map((tier) => ({ tier, s: sum(list.filter((f) => OWNER_TIER[f.owner] === tier)) }))
        .filter(({ s }) => s.funds > 0);
      const sources = SOURCES.map((source) => ({
        source,
        s: sum(list.filter((f) => f.source === source)),
      })).filter(({ s }) => s.funds > 0);
      return {
        total: usage(total),
        tiers: tiers.map(({ tier, s }) => ({
          tier: expect.objectContaining({ level: TIER_LEVEL[tier] }),
          ...usage(s),
          sharePercent: floorPercent(s.allocated, total.allocated),
        })),
        sources: sources.map(({ source, s }) => ({
          source,
          label: LABEL[source],
          ...usage(s),
          sharePercent: floorPercent(s.allocated, total.allocated),
        })),
      };
    }

    function expectedUsage(owners: Owner[], years: number[]) {
      const visible = funds.filter((f) => owners.includes(f.owner) && years.includes(f.year));
      const yearsWithFunds = [...new Set(visible.map((f) => f.year))].sort();
      return {
        years: yearsWithFunds.map((year) => {
          const inYear = visible.filter((f) => f.year === year);
          const yearTotal = sum(inYear).allocated;
          const rows = (['city', 'district', 'commune'] as TierKey[]).flatMap((tier) => {
            const inTier = inYear.filter((f) => OWNER_TIER[f.owner] === tier);
            const tierTotal = sum(inTier).allocated;
            return SOURCES.map((source) => ({
              source,
              s: sum(inTier.filter((f) => f.source === source)),
            }))
              .filter(({ s }) => s.funds > 0)
              .map(({ source, s }) => ({
                tier: expect.objectContaining({ level: TIER_LEVEL[tier] }),
                source,
                label: LABEL[source],
                ...usage(s),
                sourceSharePercent: floorPercent(s.allocated, tierTotal),
                shareOfYearPercent: floorPercent(s.allocated, yearTotal),
              }));
          });
          return { fiscalYear: year, ...breakdown(inYear), rows };
        }),
        period: breakdown(visible),
      };
    }

    beforeAll(async () => {
      const BILLION = 1_000_000_000n;
      const cityState = await fund(2031, 'city', 'state_budget', 140n * BILLION);
      await fund(2031, 'city', 'sponsor', 20n * BILLION);
      await fund(2031, 'districtA', 'state_budget', 50n * BILLION);
      const scholarship = await fund(2031, 'districtA', 'scholarship', 3_333_333_333n);
      const districtB = await fund(2031, 'districtB', 'state_budget', 13n * BILLION);
      await fund(2031, 'districtB', 'other', 1_000_000_001n);
      await fund(2031, 'communeA', 'state_budget', 11n * BILLION);
      await fund(2032, 'city', 'state_budget', HUGE);
      await fund(2032, 'districtA', 'sponsor', 7n * BILLION);
      await fund(2032, 'communeA', 'other', 123_456_789n);
      await fund(2033, 'districtB', 'scholarship', 500_000_000n);
      await reserve(cityState, 30n * BILLION);
      await reserve(cityState, 10n * BILLION, 9_500_000_000n);
      await reserve(scholarship, 1_111_111_111n);
      await reserve(districtB, 2n * BILLION, 2n * BILLION);
    });

    it.each([
      ['admin', ['city', 'districtA', 'districtB', 'communeA']],
      ['financeA', ['districtA', 'communeA']],
      ['financeB', ['districtB']],
      ['unitHeadA', ['city', 'districtA']],
      ['staffA', []],
    ] as Array<[string, Owner[]]>)(
      '%s should see the sums of the funds in its fund scope',
      async (who, owners) => {
        const response = await get('/api/v1/reports/budget-usage', who);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          fromYear: null,
          toYear: null,
          ...expectedUsage(owners, [2031, 2032, 2033]),
        });
      },
    );

    it('should keep amounts above 2^53 exact in JSON', async () => {
      const response = await get('/api/v1/reports/budget-usage?year=2032', 'admin');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        fromYear: 2032,
        toYear: 2032,
        ...expectedUsage(['city', 'districtA', 'districtB', 'communeA'], [2032]),
      });
      expect(response.text).toContain(`"allocated":"${HUGE}"`);
      expect(response.body.years[0].total.allocated).toBe(
        (HUGE + 7n * 1_000_000_000n + 123_456_789n).toString(),
      );
    });

    it('should show the source shares of a year and of the period', async () => {
      const response = await get('/api/v1/reports/budget-usage?fromYear=2031&toYear=2031', 'admin');
      const year = response.body.years[0];
      // 214 bn in 2031 of which 214 − 20 − 3.33 − 1 bn from the state budget.
      const state = year.sources.find((s: any) => s.source === 'state_budget');
      expect(state.sharePercent).toBe(floorPercent(214n * 10n ** 9n, 238_333_333_334n));
      expect(year.sources.map((s: any) => s.label)).toEqual([
        'Ngân sách nhà nước',
        'Tài trợ',
        'Học bổng',
        'Khác',
      ]);
      // One year: the period is that year.
      expect(response.body.period).toEqual({
        total: year.total,
        tiers: year.tiers,
        sources: year.sources,
      });
      const range = await get('/api/v1/reports/budget-usage?fromYear=2032', 'admin');
      expect(range.body.years.map((y: any) => y.fiscalYear)).toEqual([2032, 2033]);
      expect(range.body).toEqual({
        fromYear: 2032,
        toYear: null,
        ...expectedUsage(['city', 'districtA', 'districtB', 'communeA'], [2032, 2033]),
      });
    });

    it('should export CSV and XLSX with exact digits and Vietnamese headers and labels', async () => {
      const csv = await download('/api/v1/reports/budget-usage?format=csv', 'admin');
      expect(csv.status).toBe(200);
      expect(csv.disposition).toContain('su-dung-kinh-phi-usage.csv');
      expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'Năm,Cấp,Nguồn,Dự toán,Đã giữ chỗ,Đã chi,Còn lại,Tỷ lệ sử dụng (%),Tỷ trọng nguồn (%)',
      );
      expect(lines).toContain(`2032,Thành phố,Ngân sách nhà nước,${HUGE},0,0,${HUGE},0,100`);
      expect(lines).toContain(
        '2031,Thành phố,Ngân sách nhà nước,140000000000,30000000000,9500000000,100500000000,28.21,87.5',
      );
      const all = expectedUsage(['city', 'districtA', 'districtB', 'communeA'], [2031, 2032, 2033]);
      expect(lines).toHaveLength(1 + all.years.flatMap((year) => year.rows).length);

      const sources = await download(
        '/api/v1/reports/budget-usage?format=csv&table=sources',
        'admin',
        {},
      );
      const sourceLines = sources.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(sourceLines[0]).toBe(
        'Năm,Nguồn,Dự toán,Đã giữ chỗ,Đã chi,Còn lại,Tỷ lệ sử dụng (%),Tỷ trọng nguồn (%)',
      );
      const total2032 = HUGE + 7_000_000_000n + 123_456_789n;
      expect(sourceLines).toContain(`2032,Tổng cộng,${total2032},0,0,${total2032},0,100`);

      const xlsx = await download('/api/v1/reports/budget-usage', 'admin', {
        accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      expect(xlsx.status).toBe(200);
      const book = await workbook(xlsx.bytes);
      const sheet = book.getWorksheet('Kinh phí theo năm, cấp, nguồn')!;
      expect(sheet.getRow(1).values).toEqual([
        undefined,
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
      const rows = sheet.getRows(2, sheet.rowCount - 1)!;
      const city2031 = rows.find(
        (r) =>
          r.getCell(1).value === 2031 &&
          r.getCell(2).value === 'Thành phố' &&
          r.getCell(3).value === 'Ngân sách nhà nước',
      )!;
      expect(city2031.getCell(4).value).toBe(140_000_000_000);
      expect(city2031.getCell(8).value).toBe(28.21);
      const huge = rows.find(
        (r) => r.getCell(1).value === 2032 && r.getCell(2).value === 'Thành phố',
      )!;
      // Beyond 2^53 the exact digits are kept as text.
      expect(huge.getCell(4).value).toBe(HUGE.toString());
      expect(book.worksheets.map((w) => w.name)).toEqual([
        'Kinh phí theo năm, cấp, nguồn',
        'Kinh phí theo năm và nguồn',
        'Kinh phí theo năm và cấp',
        'Kinh phí cả giai đoạn',
      ]);
    });

    it('should refuse bad years and mixed filters with 400', async () => {
      const cases: Array<[string, string, string]> = [
        ['/api/v1/reports/budget-usage?year=abc', 'year', 'IS_INT'],
        ['/api/v1/reports/budget-usage?year=1999', 'year', 'MIN'],
        ['/api/v1/reports/budget-usage?year=2031&fromYear=2030', 'year', 'YEAR_WITH_RANGE'],
        ['/api/v1/reports/budget-usage?fromYear=2033&toYear=2031', 'toYear', 'PERIOD_REVERSED'],
        ['/api/v1/reports/budget-usage?source=sponsor', 'source', 'UNKNOWN_FIELD'],
        ['/api/v1/reports/budget-usage?table=x_y', 'table', 'MATCHES'],
      ];
      await expectFieldErrors(cases);
      const unknownTable = await get(
        '/api/v1/reports/budget-usage?format=csv&table=nothing',
        'admin',
      );
      expect(unknownTable.status).toBe(400);
      expect((await stack.http.get('/api/v1/reports/budget-usage')).status).toBe(401);
    });
  });
});
