import type {
  ComplianceReport,
  ComplianceReportFigures,
  ComplianceReportGroupBy,
  ComplianceReportGroup,
} from './compliance-report.types';
import { columns, ReportTable } from './report-table';

/** The figures' columns, as the report's query answers them (see `COMPLIANCE_COUNTS_SQL`). */
export interface FiguresRow {
  total: number;
  with_position: number;
  meeting: number;
  university: number;
  theory: number;
  meeting_percent: number | null;
  university_percent: number | null;
  theory_percent: number | null;
}

/** One row of the report's query: a group's figures, or the total (`group_id` null). */
export type GroupFiguresRow = FiguresRow & {
  group_id: string | null;
  group_code: string | null;
  group_name: string | null;
  group_level: number | null;
};

const toFigures = (row: FiguresRow): ComplianceReportFigures => ({
  staff: row.total,
  withPosition: row.with_position,
  meetingStandard: { count: row.meeting, percent: row.meeting_percent },
  universityOrHigher: { count: row.university, percent: row.university_percent },
  politicalTheoryIntermediateOrHigher: { count: row.theory, percent: row.theory_percent },
});

const EMPTY_FIGURES: ComplianceReportFigures = {
  staff: 0,
  withPosition: 0,
  meetingStandard: { count: 0, percent: null },
  universityOrHigher: { count: 0, percent: null },
  politicalTheoryIntermediateOrHigher: { count: 0, percent: null },
};

/** The query's rows (groups in order, then the total) as the report's groups and overall. */
export function reportFigures(
  rows: GroupFiguresRow[],
  groupBy: ComplianceReportGroupBy,
): { overall: ComplianceReportFigures; groups: ComplianceReportGroup[] } {
  const overallRow = rows.find((row) => row.group_id === null);
  return {
    overall: overallRow ? toFigures(overallRow) : EMPTY_FIGURES,
    groups: rows
      .filter((row) => row.group_id !== null)
      .map((row) => ({
        ...(groupBy === 'tier'
          ? {
              tier: {
                id: row.group_id!,
                code: row.group_code!,
                name: row.group_name!,
                level: row.group_level!,
              },
            }
          : { unit: { id: row.group_id!, code: row.group_code!, name: row.group_name! } }),
        ...toFigures(row),
      })),
  };
}

const TOTAL_LABEL = 'Tổng cộng';

interface ComplianceRow {
  day: string;
  group: string;
  staff: number;
  withPosition: number;
  meeting: number;
  meetingPercent: number | null;
  university: number;
  universityPercent: number | null;
  theory: number;
  theoryPercent: number | null;
}

/** The report as one table: a row per group, then the total; `day` is the figures' day. */
export function complianceTable(report: ComplianceReport, day: string): ReportTable<ComplianceRow> {
  const tableRow = (group: string, figures: ComplianceReportFigures): ComplianceRow => ({
    day,
    group,
    staff: figures.staff,
    withPosition: figures.withPosition,
    meeting: figures.meetingStandard.count,
    meetingPercent: figures.meetingStandard.percent,
    university: figures.universityOrHigher.count,
    universityPercent: figures.universityOrHigher.percent,
    theory: figures.politicalTheoryIntermediateOrHigher.count,
    theoryPercent: figures.politicalTheoryIntermediateOrHigher.percent,
  });
  return {
    name: 'compliance',
    title: 'Tỷ lệ đạt chuẩn',
    columns: columns<ComplianceRow>(
      { key: 'day', header: 'Ngày', type: 'date' },
      { key: 'group', header: report.groupBy === 'tier' ? 'Cấp' : 'Đơn vị', type: 'text' },
      { key: 'staff', header: 'Số cán bộ', type: 'integer' },
      { key: 'withPosition', header: 'Giữ chức danh', type: 'integer' },
      { key: 'meeting', header: 'Đạt chuẩn', type: 'integer' },
      { key: 'meetingPercent', header: 'Tỷ lệ đạt chuẩn (%)', type: 'percent' },
      { key: 'university', header: 'Đại học trở lên', type: 'integer' },
      { key: 'universityPercent', header: 'Tỷ lệ đại học trở lên (%)', type: 'percent' },
      { key: 'theory', header: 'LLCT trung cấp trở lên', type: 'integer' },
      { key: 'theoryPercent', header: 'Tỷ lệ LLCT trung cấp trở lên (%)', type: 'percent' },
    ),
    rows: [
      ...report.groups.map((group) => tableRow(group.tier?.name ?? group.unit?.name ?? '', group)),
      tableRow(TOTAL_LABEL, report.overall),
    ],
  };
}
