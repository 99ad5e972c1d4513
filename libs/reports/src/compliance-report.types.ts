/** The shapes the compliance report and its trend answer, and the limits of a trend. */

export type ComplianceReportGroupBy = 'tier' | 'unit';

/** A count and its percentage of the group's denominator (2 decimals; null when 0 / 0). */
export interface CountPercent {
  count: number;
  percent: number | null;
}

export interface ComplianceReportFigures {
  /** Active staff counted. */
  staff: number;
  /** Of them, those holding a position: the denominator of `meetingStandard`. */
  withPosition: number;
  /** Meeting every requirement of their position's standard, of `withPosition`. */
  meetingStandard: CountPercent;
  /** University degree or higher, of `staff`. */
  universityOrHigher: CountPercent;
  /** Intermediate political theory or higher, of `staff`. */
  politicalTheoryIntermediateOrHigher: CountPercent;
}

export interface ReportTier {
  id: string;
  code: string;
  name: string;
  level: number;
}

export interface ReportUnit {
  id: string;
  code: string;
  name: string;
}

export interface ComplianceReportGroup extends ComplianceReportFigures {
  tier?: ReportTier;
  unit?: ReportUnit;
}

export interface ComplianceReport {
  /** The unit whose subtree is counted; null for the whole organization. */
  unitId: string | null;
  groupBy: ComplianceReportGroupBy;
  /** The date asked for; null for the live figures. */
  at: string | null;
  /** The snapshot the figures come from (the latest on or before `at`); null when live. */
  snapshotDate: string | null;
  overall: ComplianceReportFigures;
  groups: ComplianceReportGroup[];
}

export interface ComplianceReportQuery {
  unitId?: string;
  at?: string;
  groupBy?: ComplianceReportGroupBy;
}

export interface TrendFigures {
  staff: number;
  withPosition: number;
  meetingStandard: CountPercent;
}

export interface ComplianceTrendPoint extends TrendFigures {
  /** The snapshot's day. */
  date: string;
  /** Whether figures of this day were imported from before the product. */
  imported: boolean;
  tiers: Array<TrendFigures & { tier: ReportTier }>;
}

export const TREND_PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TrendPeriod = (typeof TREND_PERIODS)[number];

export interface ComplianceTrend {
  unitId: string | null;
  from: string;
  to: string;
  /** One point per snapshot day (`day`), or the last snapshot of each week, month, … */
  every: TrendPeriod;
  points: ComplianceTrendPoint[];
}

export interface ComplianceTrendQuery {
  unitId?: string;
  from?: string;
  to?: string;
  every?: TrendPeriod;
}

/** The longest trend asked for at once: ten years. */
export const MAX_TREND_DAYS = 3660;

/**
 * The most points one trend answers. Each point adds up one snapshot row per unit in
 * scope, so this bounds the work (a few hundred thousand rows with thousands of units).
 */
export const MAX_TREND_POINTS = 200;
