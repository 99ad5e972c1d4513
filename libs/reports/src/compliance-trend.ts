import { DomainError, ErrorCode } from '@app/common';
import {
  ComplianceTrendPoint,
  ComplianceTrendQuery,
  MAX_TREND_DAYS,
  MAX_TREND_POINTS,
  TREND_PERIODS,
  TrendFigures,
  TrendPeriod,
} from './compliance-report.types';
import { isDay } from './compliance-snapshots.service';
import { columns, ReportResult } from './report-table';

/** A query parameter the compliance reports refuse. */
export const invalidParameter = (field: string, message: string, code: ErrorCode) =>
  new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
    errors: [{ field, message, code }],
  });

const invalid = invalidParameter;

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The calendar period a day falls in, as a sortable key. */
function periodOf(day: string, every: TrendPeriod): string {
  switch (every) {
    case 'day':
      return day;
    case 'week': {
      // The Monday of its ISO week.
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      return addDays(day, -((weekday + 6) % 7));
    }
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
    case 'year':
      return day.slice(0, 4);
  }
}

/**
 * The snapshot days a trend shows: with `every`, the last of each period (refused beyond
 * MAX_TREND_POINTS); without it, every day if they fit, else the finest period that fits.
 */
export function pickDays(days: string[], every?: TrendPeriod): [TrendPeriod, string[]] {
  const last = (period: TrendPeriod) => {
    const picked = new Map<string, string>();
    for (const day of days) picked.set(periodOf(day, period), day); // days are in order
    return [...picked.values()];
  };
  if (every !== undefined) {
    const picked = last(every);
    if (picked.length > MAX_TREND_POINTS) {
      throw invalid(
        'every',
        `${picked.length} points; at most ${MAX_TREND_POINTS}: choose a longer period or a shorter range`,
        'TOO_MANY_POINTS',
      );
    }
    return [every, picked];
  }
  for (const period of TREND_PERIODS) {
    const picked = last(period);
    if (picked.length <= MAX_TREND_POINTS) return [period, picked];
  }
  return ['year', last('year')];
}

/**
 * The trend's range of days, checked before any query: by default the year up to today;
 * at most MAX_TREND_DAYS long; `every` one of TREND_PERIODS.
 */
export function trendRange(
  query: ComplianceTrendQuery,
  today: string,
): { from: string; to: string } {
  if (query.from !== undefined && !isDay(query.from)) {
    throw invalid('from', 'from must be a date YYYY-MM-DD', 'IS_DATE');
  }
  if (query.to !== undefined && !isDay(query.to)) {
    throw invalid('to', 'to must be a date YYYY-MM-DD', 'IS_DATE');
  }
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -365);
  if (from > to) throw invalid('to', 'to must not be before from', 'PERIOD_REVERSED');
  if (daysBetween(from, to) > MAX_TREND_DAYS) {
    throw invalid(
      'from',
      `from and to may be at most ${MAX_TREND_DAYS} days apart`,
      'RANGE_TOO_LONG',
    );
  }
  if (query.every !== undefined && !TREND_PERIODS.includes(query.every)) {
    throw invalid('every', `every must be one of ${TREND_PERIODS.join(', ')}`, 'IS_IN');
  }
  return { from, to };
}

/** One row of the trend query: a day's figures overall (`overall`) or of one tier. */
export interface TrendQueryRow {
  day: string;
  tier_id: string | null;
  /** Null for a snapshot day with nothing in scope. */
  overall: boolean | null;
  total: number | null;
  with_position: number | null;
  meeting: number | null;
  imported: boolean;
  meeting_percent: number | null;
  tier_code: string | null;
  tier_name: string | null;
  tier_level: number | null;
}

/** The query's rows (ordered by day, overall first, then by tier level) as one point per day. */
export function trendPoints(rows: TrendQueryRow[]): ComplianceTrendPoint[] {
  const points: ComplianceTrendPoint[] = [];
  for (const row of rows) {
    let point = points[points.length - 1];
    if (point?.date !== row.day) {
      point = {
        date: row.day,
        imported: false,
        staff: 0,
        withPosition: 0,
        meetingStandard: { count: 0, percent: null },
        tiers: [],
      };
      points.push(point);
    }
    if (row.overall === null) continue; // a snapshot day with nothing in scope
    const figures: TrendFigures = {
      staff: row.total!,
      withPosition: row.with_position!,
      meetingStandard: { count: row.meeting!, percent: row.meeting_percent },
    };
    if (row.overall) Object.assign(point, figures, { imported: row.imported });
    else {
      point.tiers.push({
        tier: {
          id: row.tier_id!,
          code: row.tier_code!,
          name: row.tier_name!,
          level: row.tier_level!,
        },
        ...figures,
      });
    }
  }
  return points;
}

const ALL_TIERS_LABEL = 'Tất cả các cấp';

interface TrendRow {
  day: string;
  tier: string;
  staff: number;
  withPosition: number;
  meeting: number;
  meetingPercent: number | null;
}

const trendRow = (day: string, tier: string, figures: TrendFigures): TrendRow => ({
  day,
  tier,
  staff: figures.staff,
  withPosition: figures.withPosition,
  meeting: figures.meetingStandard.count,
  meetingPercent: figures.meetingStandard.percent,
});
const trendColumns = (withTier: boolean) =>
  columns<TrendRow>(
    { key: 'day', header: 'Ngày', type: 'date' },
    ...(withTier ? [{ key: 'tier' as const, header: 'Cấp', type: 'text' as const }] : []),
    { key: 'staff', header: 'Số cán bộ', type: 'integer' },
    { key: 'withPosition', header: 'Giữ chức danh', type: 'integer' },
    { key: 'meeting', header: 'Đạt chuẩn', type: 'integer' },
    { key: 'meetingPercent', header: 'Tỷ lệ đạt chuẩn (%)', type: 'percent' },
  );

/** The trend overall, and per tier. */
export function trendTables(points: ComplianceTrendPoint[]): ReportResult['tables'] {
  return [
    {
      name: 'trend',
      title: 'Xu hướng đạt chuẩn',
      columns: trendColumns(false),
      rows: points.map((point) => trendRow(point.date, ALL_TIERS_LABEL, point)),
    },
    {
      name: 'tiers',
      title: 'Xu hướng đạt chuẩn theo cấp',
      columns: trendColumns(true),
      rows: points.flatMap((point) =>
        point.tiers.map((tier) => trendRow(point.date, tier.tier.name, tier)),
      ),
    },
  ];
}
