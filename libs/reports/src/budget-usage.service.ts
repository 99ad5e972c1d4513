import { Ctx } from '@app/access';
import { FUND_SOURCES, FundSource, FundQueries, FundSummaryRow } from '@app/budget';
import { basisPoints, DomainError, ErrorCode } from '@app/common';
import { Injectable } from '@nestjs/common';
import type { ReportTier } from './compliance-report.types';
import { ImportedSpendRow, ImportedSpendService } from './imported-spend.service';
import { Column, columns, ReportResult } from './report-table';

/** How the organization's spreadsheets name each source of money. */
export const FUND_SOURCE_LABELS: Record<FundSource, string> = {
  state_budget: 'Ngân sách nhà nước',
  sponsor: 'Tài trợ',
  scholarship: 'Học bổng',
  other: 'Khác',
};

/** Balances in whole VND as strings of digits (a JSON number cannot hold every amount). */
export interface UsageFigures {
  /** How many funds are added up. */
  funds: number;
  allocated: string;
  reserved: string;
  /** From the funds, plus the imported history's costs (`importedSpent`). */
  spent: string;
  /** Of `spent`, what imported participations cost: it never moved a fund's balance. */
  importedSpent: string;
  /** allocated − reserved − spent by the funds; negative when a 'warn' fund was overcommitted. */
  available: string;
  /** (reserved + spent) / allocated in percent, rounded down to 2 decimals; 0 when nothing is allocated. */
  utilizationPercent: number;
}

export interface SourceUsage extends UsageFigures {
  source: FundSource;
  label: string;
  /** The source's allocation as a percentage of the whole (the year's, or the period's). */
  sharePercent: number;
}

export interface TierUsage extends UsageFigures {
  tier: ReportTier;
  /** The tier's allocation as a percentage of the whole (the year's, or the period's). */
  sharePercent: number;
}

export interface UsageRow extends UsageFigures {
  tier: ReportTier;
  source: FundSource;
  label: string;
  /** This source's share of the tier's allocation in the year. */
  sourceSharePercent: number;
  /** This row's share of the year's allocation (all tiers and sources). */
  shareOfYearPercent: number;
}

export interface UsageBreakdown {
  total: UsageFigures;
  tiers: TierUsage[];
  sources: SourceUsage[];
}

export interface YearUsage extends UsageBreakdown {
  fiscalYear: number;
  rows: UsageRow[];
}

export interface BudgetUsageReport {
  /** The years asked for (null: unbounded). */
  fromYear: number | null;
  toYear: number | null;
  /** Each fiscal year with funds the caller may see, in order. */
  years: YearUsage[];
  /** The same over all the years listed. */
  period: UsageBreakdown;
}

export interface BudgetUsageQuery {
  year?: number;
  fromYear?: number;
  toYear?: number;
}

/** Percent rounded down to 2 decimals, from whole amounts (no float in between). */
const percentOf = (part: bigint, whole: bigint) => basisPoints(part, whole) / 100;

interface Sums {
  funds: number;
  allocated: bigint;
  reserved: bigint;
  spent: bigint;
  importedSpent: bigint;
  available: bigint;
}

const emptySums = (): Sums => ({
  funds: 0,
  allocated: 0n,
  reserved: 0n,
  spent: 0n,
  importedSpent: 0n,
  available: 0n,
});

/** A summary row of the funds, with the imported history's spending of its year, tier, source. */
type UsageSource = FundSummaryRow & { importedSpent?: string };

function add(sums: Sums, row: UsageSource): Sums {
  const imported = BigInt(row.importedSpent ?? 0);
  sums.funds += row.funds;
  sums.allocated += BigInt(row.allocated);
  sums.reserved += BigInt(row.reserved);
  sums.spent += BigInt(row.spent) + imported;
  sums.importedSpent += imported;
  sums.available += BigInt(row.available);
  return sums;
}

/**
 * The funds' rows with the imported spending merged in: into the row of the same year, tier
 * and source, or as a row of its own with no fund and nothing allocated.
 */
export function withImportedSpend(
  rows: FundSummaryRow[],
  imported: ImportedSpendRow[],
): UsageSource[] {
  const merged: UsageSource[] = rows.map((row) => ({ ...row }));
  for (const spend of imported) {
    const row = merged.find(
      (candidate) =>
        candidate.fiscalYear === spend.fiscalYear &&
        candidate.tierId === spend.tierId &&
        candidate.source === spend.source,
    );
    if (row) row.importedSpent = (BigInt(row.importedSpent ?? 0) + BigInt(spend.spent)).toString();
    else {
      merged.push({
        ...spend,
        spent: '0',
        importedSpent: spend.spent,
        funds: 0,
        allocated: '0',
        reserved: '0',
        available: '0',
        utilizationPercent: 0,
        shareOfYearPercent: 0,
        sourceSharePercent: 0,
      });
    }
  }
  return merged;
}

const figures = (sums: Sums): UsageFigures => ({
  funds: sums.funds,
  allocated: sums.allocated.toString(),
  reserved: sums.reserved.toString(),
  spent: sums.spent.toString(),
  importedSpent: sums.importedSpent.toString(),
  available: sums.available.toString(),
  // Of the funds' own money: imported spending was never allocated to them.
  utilizationPercent: percentOf(sums.reserved + sums.spent - sums.importedSpent, sums.allocated),
});

const tierOf = (row: UsageSource): ReportTier => ({
  id: row.tierId,
  code: row.tierCode,
  name: row.tierName,
  level: row.tierLevel,
});

/** Totals, per tier and per source, of some summary rows. */
function breakdown(rows: UsageSource[]): UsageBreakdown {
  const total = rows.reduce(add, emptySums());
  const tiers = new Map<string, { tier: ReportTier; sums: Sums }>();
  const sources = new Map<FundSource, Sums>();
  for (const row of rows) {
    const tier = tiers.get(row.tierId) ?? { tier: tierOf(row), sums: emptySums() };
    tiers.set(row.tierId, tier);
    add(tier.sums, row);
    sources.set(row.source, add(sources.get(row.source) ?? emptySums(), row));
  }
  return {
    total: figures(total),
    tiers: [...tiers.values()]
      .sort((a, b) => a.tier.level - b.tier.level)
      .map(({ tier, sums }) => ({
        tier,
        ...figures(sums),
        sharePercent: percentOf(sums.allocated, total.allocated),
      })),
    sources: FUND_SOURCES.filter((source) => sources.has(source)).map((source) => {
      const sums = sources.get(source)!;
      return {
        source,
        label: FUND_SOURCE_LABELS[source],
        ...figures(sums),
        sharePercent: percentOf(sums.allocated, total.allocated),
      };
    }),
  };
}

const invalid = (field: string, message: string, code: ErrorCode) =>
  new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
    errors: [{ field, message, code }],
  });

interface MoneyColumns {
  allocated: string;
  reserved: string;
  spent: string;
  available: string;
  utilizationPercent: number;
}

interface UsageTableRow extends MoneyColumns {
  year: number;
  tier: string;
  source: string;
  sharePercent: number;
}

const ALL_TIERS = 'Tất cả các cấp';
const ALL_SOURCES = 'Tất cả nguồn';
const TOTAL = 'Tổng cộng';

const moneyColumns = (sharedHeader: string | null): Array<Column<UsageTableRow>> => [
  { key: 'allocated', header: 'Dự toán', type: 'money' },
  { key: 'reserved', header: 'Đã giữ chỗ', type: 'money' },
  { key: 'spent', header: 'Đã chi', type: 'money' },
  { key: 'available', header: 'Còn lại', type: 'money' },
  { key: 'utilizationPercent', header: 'Tỷ lệ sử dụng (%)', type: 'percent' },
  ...(sharedHeader
    ? [{ key: 'sharePercent' as const, header: sharedHeader, type: 'percent' as const }]
    : []),
];

/** A total's share of itself: 100, or 0 when nothing is allocated (as the parts are). */
const whole = (total: UsageFigures) => percentOf(BigInt(total.allocated), BigInt(total.allocated));

const YEAR: Column<UsageTableRow> = { key: 'year', header: 'Năm', type: 'integer' };
const TIER: Column<UsageTableRow> = { key: 'tier', header: 'Cấp', type: 'text' };
const SOURCE: Column<UsageTableRow> = { key: 'source', header: 'Nguồn', type: 'text' };

const tableRow = (
  year: number,
  tier: string,
  source: string,
  values: UsageFigures,
  sharePercent: number,
): UsageTableRow => ({
  year,
  tier,
  source,
  allocated: values.allocated,
  reserved: values.reserved,
  spent: values.spent,
  available: values.available,
  utilizationPercent: values.utilizationPercent,
  sharePercent,
});

/**
 * Training-fund usage per fiscal year, owner tier and source — allocated, reserved, spent,
 * available, utilization and each source's share (the article's "81% from the state
 * budget") — with totals per year, tier and source and over the whole period. Built on
 * `FundQueries.summary`, so it covers exactly the funds the caller may see (`fundScope`),
 * and added up in whole VND (bigint), never in floating point.
 */
@Injectable()
export class BudgetUsageService {
  constructor(
    private readonly funds: FundQueries,
    private readonly importedSpend: ImportedSpendService,
  ) {}

  async report(ctx: Ctx, query: BudgetUsageQuery = {}): Promise<ReportResult<BudgetUsageReport>> {
    if (query.year !== undefined && (query.fromYear !== undefined || query.toYear !== undefined)) {
      throw invalid('year', 'year cannot be combined with fromYear or toYear', 'YEAR_WITH_RANGE');
    }
    const fromYear = query.year ?? query.fromYear ?? null;
    const toYear = query.year ?? query.toYear ?? null;
    if (fromYear !== null && toYear !== null && fromYear > toYear) {
      throw invalid('toYear', 'toYear must not be before fromYear', 'PERIOD_REVERSED');
    }
    const summary = await this.funds.summary(
      ctx,
      fromYear !== null && fromYear === toYear ? fromYear : undefined,
    );
    const rows = withImportedSpend(
      summary.filter(
        (row) =>
          (fromYear === null || row.fiscalYear >= fromYear) &&
          (toYear === null || row.fiscalYear <= toYear),
      ),
      await this.importedSpend.rows(ctx, fromYear, toYear),
    );
    const byYear = new Map<number, UsageSource[]>();
    for (const row of rows)
      byYear.set(row.fiscalYear, [...(byYear.get(row.fiscalYear) ?? []), row]);
    const years: YearUsage[] = [...byYear.keys()]
      .sort((a, b) => a - b)
      .map((fiscalYear) => {
        const yearRows = byYear.get(fiscalYear)!;
        const year = breakdown(yearRows);
        const yearAllocated = BigInt(year.total.allocated);
        const tierAllocated = new Map(
          year.tiers.map((tier) => [tier.tier.id, BigInt(tier.allocated)]),
        );
        return {
          fiscalYear,
          ...year,
          rows: yearRows
            .slice()
            .sort(
              (a, b) =>
                a.tierLevel - b.tierLevel ||
                FUND_SOURCES.indexOf(a.source) - FUND_SOURCES.indexOf(b.source),
            )
            .map((row) => {
              const sums = add(emptySums(), row);
              return {
                tier: tierOf(row),
                source: row.source,
                label: FUND_SOURCE_LABELS[row.source],
                ...figures(sums),
                sourceSharePercent: percentOf(sums.allocated, tierAllocated.get(row.tierId)!),
                shareOfYearPercent: percentOf(sums.allocated, yearAllocated),
              };
            }),
        };
      });
    const json: BudgetUsageReport = { fromYear, toYear, years, period: breakdown(rows) };
    return { name: 'su-dung-kinh-phi', json, tables: tables(json) };
  }
}

function tables(report: BudgetUsageReport): ReportResult['tables'] {
  return [
    {
      name: 'usage',
      title: 'Kinh phí theo năm, cấp, nguồn',
      columns: columns<UsageTableRow>(YEAR, TIER, SOURCE, ...moneyColumns('Tỷ trọng nguồn (%)')),
      rows: report.years.flatMap((year) =>
        year.rows.map((row) =>
          tableRow(year.fiscalYear, row.tier.name, row.label, row, row.sourceSharePercent),
        ),
      ),
    },
    {
      name: 'sources',
      title: 'Kinh phí theo năm và nguồn',
      columns: columns<UsageTableRow>(YEAR, SOURCE, ...moneyColumns('Tỷ trọng nguồn (%)')),
      rows: report.years.flatMap((year) => [
        ...year.sources.map((source) =>
          tableRow(year.fiscalYear, ALL_TIERS, source.label, source, source.sharePercent),
        ),
        tableRow(year.fiscalYear, ALL_TIERS, TOTAL, year.total, whole(year.total)),
      ]),
    },
    {
      name: 'tiers',
      title: 'Kinh phí theo năm và cấp',
      columns: columns<UsageTableRow>(YEAR, TIER, ...moneyColumns('Tỷ trọng (%)')),
      rows: report.years.flatMap((year) => [
        ...year.tiers.map((tier) =>
          tableRow(year.fiscalYear, tier.tier.name, ALL_SOURCES, tier, tier.sharePercent),
        ),
        tableRow(year.fiscalYear, TOTAL, ALL_SOURCES, year.total, whole(year.total)),
      ]),
    },
    {
      name: 'period',
      title: 'Kinh phí cả giai đoạn',
      columns: columns<UsageTableRow>(TIER, SOURCE, ...moneyColumns('Tỷ trọng (%)')),
      rows: [
        ...report.period.sources.map((source) =>
          tableRow(0, ALL_TIERS, source.label, source, source.sharePercent),
        ),
        ...report.period.tiers.map((tier) =>
          tableRow(0, tier.tier.name, ALL_SOURCES, tier, tier.sharePercent),
        ),
        tableRow(0, TOTAL, ALL_SOURCES, report.period.total, whole(report.period.total)),
      ],
    },
  ];
}
