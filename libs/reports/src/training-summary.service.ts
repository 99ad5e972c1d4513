import { Ctx } from '@app/access';
import { DomainError, organizationDay } from '@app/common';
import { query } from '@app/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { categoryLabel, categoryRank, HEADLINE_LINES, Label } from './categories';
import { columns, Column, ReportResult, ReportTable } from './report-table';
import { reportScope, scopeJoins } from './scope';

/** The statuses a participation can be in (a nomination from its approval on). */
export const PARTICIPATION_STATUSES = ['approved', 'in_training', 'completed'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

export const STATUS_LABELS: Record<ParticipationStatus, Label> = {
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  in_training: { vi: 'Đang học', en: 'In training' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
};

/** Participations per status, and all three together. */
export interface StatusCounts {
  approved: number;
  inTraining: number;
  completed: number;
  total: number;
  /** Of the completed, those imported from the history before the product. */
  imported: number;
}

/**
 * Age at the intake's start, in whole years, in four bands. The lower bound is inclusive,
 * the upper exclusive: a person of 29 is under 30, of 30 in 30–39, of 50 in "50 and over".
 */
export const AGE_BANDS = [
  { key: 'under_30', from: null, below: 30, label: { vi: 'Dưới 30 tuổi', en: 'Under 30' } },
  { key: '30_39', from: 30, below: 40, label: { vi: 'Từ 30 đến 39 tuổi', en: '30–39' } },
  { key: '40_49', from: 40, below: 50, label: { vi: 'Từ 40 đến 49 tuổi', en: '40–49' } },
  {
    key: '50_and_over',
    from: 50,
    below: null,
    label: { vi: 'Từ 50 tuổi trở lên', en: '50 and over' },
  },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['key'];

/** The band's index in AGE_BANDS, from the participation's age (`p.age`). */
const AGE_BAND_SQL = `CASE WHEN p.age < 30 THEN 0 WHEN p.age < 40 THEN 1 WHEN p.age < 50 THEN 2 ELSE 3 END`;

const LOCATION_LABELS = {
  domestic: { vi: 'Trong nước', en: 'Domestic' },
  overseas: { vi: 'Nước ngoài', en: 'Overseas' },
};
const GENDER_LABELS = {
  female: { vi: 'Nữ', en: 'Female' },
  male: { vi: 'Nam', en: 'Male' },
};
const MINORITY_LABELS = {
  yes: { vi: 'Người dân tộc thiểu số', en: 'Ethnic minority' },
  no: { vi: 'Không phải người dân tộc thiểu số', en: 'Not an ethnic minority' },
};

export interface TrainingFilter {
  /** First intake start date counted, YYYY-MM-DD (default: 1 January of this year). */
  from?: string;
  /** Last intake start date counted, YYYY-MM-DD (default: 31 December of this year). */
  to?: string;
  /** Only this unit and its subtree. */
  unitId?: string;
  status?: ParticipationStatus;
}

export interface TrainingTier {
  id: string;
  code: string;
  name: string;
  level: number;
}

export interface CategoryTierYearRow extends StatusCounts {
  category: string;
  label: Label;
  tier: TrainingTier;
  year: number;
}

export interface ProviderRow extends StatusCounts {
  /** An imported provider known only by its name has empty id, code and country. */
  provider: { id: string; code: string; name: string; country: string };
}

export interface LocationRow extends StatusCounts {
  overseas: boolean;
  label: Label;
}

export interface GenderRow extends StatusCounts {
  gender: 'female' | 'male';
  label: Label;
}

export interface EthnicMinorityRow extends StatusCounts {
  ethnicMinority: boolean;
  label: Label;
}

export interface AgeBandRow extends StatusCounts {
  ageBand: AgeBand;
  /** Inclusive; null for the lowest band. */
  fromAge: number | null;
  /** Exclusive; null for the highest band. */
  belowAge: number | null;
  label: Label;
}

export interface TrainingSummary {
  from: string;
  to: string;
  unitId: string | null;
  status: ParticipationStatus | null;
  totals: StatusCounts;
  /** Programme category × tier of the nominee's unit × year of the intake's start. */
  rows: CategoryTierYearRow[];
  byProvider: ProviderRow[];
  byLocation: LocationRow[];
  byGender: GenderRow[];
  byEthnicMinority: EthnicMinorityRow[];
  byAgeBand: AgeBandRow[];
}

export interface HeadlineRow extends StatusCounts {
  key: string;
  label: Label;
  parent: string | null;
  ofWhich: boolean;
  categories: string[];
}

export interface TrainingHeadline {
  from: string;
  to: string;
  unitId: string | null;
  lines: HeadlineRow[];
}

interface CountsRow {
  approved: number;
  in_training: number;
  completed: number;
  imported: number;
}

interface GroupedRow extends CountsRow {
  dimension: 'main' | 'provider' | 'location' | 'gender' | 'minority' | 'age' | 'total';
  category: string | null;
  tier_id: string | null;
  year: number | null;
  provider_id: string | null;
  provider_label: string | null;
  overseas: boolean | null;
  gender: 'female' | 'male' | null;
  ethnic_minority: boolean | null;
  age_band: number | null;
  tier_code: string | null;
  tier_name: string | null;
  tier_level: number | null;
  provider_code: string | null;
  provider_name: string | null;
  provider_country: string | null;
}

/** The counts of a group of facts (`p`), by status, and the imported among them. */
const COUNTS_SQL = `
  count(*) FILTER (WHERE p.status = 'approved')::int AS approved,
  count(*) FILTER (WHERE p.status = 'in_training')::int AS in_training,
  count(*) FILTER (WHERE p.status = 'completed')::int AS completed,
  count(*) FILTER (WHERE p.source = 'imported')::int AS imported`;

/** An imported participation's provider when the file gave neither code nor name. */
const UNKNOWN_PROVIDER = 'Không rõ';

const ZERO: StatusCounts = { approved: 0, inTraining: 0, completed: 0, total: 0, imported: 0 };

const counts = (row: CountsRow | undefined): StatusCounts =>
  row
    ? {
        approved: row.approved,
        inTraining: row.in_training,
        completed: row.completed,
        total: row.approved + row.in_training + row.completed,
        imported: row.imported,
      }
    : { ...ZERO };

const addCounts = (a: StatusCounts, b: StatusCounts): StatusCounts => ({
  approved: a.approved + b.approved,
  inTraining: a.inTraining + b.inTraining,
  completed: a.completed + b.completed,
  total: a.total + b.total,
  imported: a.imported + b.imported,
});

/** The column of the completed participations imported from before the product. */
export const IMPORTED_HEADER = 'Trong đó nhập từ lịch sử';

/** The count columns every training table ends with. */
function countColumns<R extends StatusCounts>(): Array<Column<R>> {
  return columns<R>(
    { key: 'approved', header: STATUS_LABELS.approved.vi, type: 'integer' },
    { key: 'inTraining', header: STATUS_LABELS.in_training.vi, type: 'integer' },
    { key: 'completed', header: STATUS_LABELS.completed.vi, type: 'integer' },
    { key: 'total', header: 'Tổng', type: 'integer' },
    { key: 'imported', header: IMPORTED_HEADER, type: 'integer' },
  );
}

type LabelRow = { label: string } & StatusCounts;

/** A table of one label column and the counts. */
function labelledTable<R extends StatusCounts>(
  name: string,
  title: string,
  header: string,
  rows: R[],
  labelOf: (row: R) => string,
): ReportTable<LabelRow> {
  return {
    name,
    title,
    columns: columns<LabelRow>({ key: 'label', header, type: 'text' }, ...countColumns<LabelRow>()),
    rows: rows.map((row) => ({
      label: labelOf(row),
      approved: row.approved,
      inTraining: row.inTraining,
      completed: row.completed,
      total: row.total,
      imported: row.imported,
    })),
  };
}

/**
 * Training participations (`training_participations`: one fact per nomination approved,
 * in training or completed) in a period of intake start dates, within the caller's scope.
 * The summary aggregates the fact table first (one pass, grouped on its own columns and the
 * unit's tier), rolls that up into each breakdown with grouping sets, and only then joins
 * the tier and provider names.
 */
@Injectable()
export class TrainingSummaryService {
  async summary(ctx: Ctx, filter: TrainingFilter): Promise<ReportResult<TrainingSummary>> {
    const { from, to } = resolvePeriod(filter.from, filter.to, ctx.clock.today());
    const { where, params } = await trainingConditions(ctx, from, to, filter.unitId);
    if (filter.status) {
      where.push('p.status = :status');
      params.status = filter.status;
    }
    const rows = await query<GroupedRow>(
      ctx.manager,
      `WITH facts AS (
         SELECT p.category, u.tier_id, p.year, p.provider_id,
                -- An imported provider known by name only.
                p.provider_name AS provider_label, p.overseas, p.gender,
                p.ethnic_minority, ${AGE_BAND_SQL} AS age_band, ${COUNTS_SQL}
           FROM training_participations p ${scopeJoins('p')}
          WHERE ${where.join(' AND ')}
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
       ), grouped AS (
         SELECT CASE WHEN GROUPING(category) = 0 THEN 'main'
                     WHEN GROUPING(provider_id) = 0 THEN 'provider'
                     WHEN GROUPING(overseas) = 0 THEN 'location'
                     WHEN GROUPING(gender) = 0 THEN 'gender'
                     WHEN GROUPING(ethnic_minority) = 0 THEN 'minority'
                     WHEN GROUPING(age_band) = 0 THEN 'age'
                     ELSE 'total' END AS dimension,
                category, tier_id, year, provider_id, provider_label, overseas, gender,
                ethnic_minority, age_band,
                -- The grand total of no facts at all is one row of nulls.
                coalesce(sum(approved), 0)::int AS approved,
                coalesce(sum(in_training), 0)::int AS in_training,
                coalesce(sum(completed), 0)::int AS completed,
                coalesce(sum(imported), 0)::int AS imported
           FROM facts
          GROUP BY GROUPING SETS ((category, tier_id, year), (provider_id, provider_label),
                                  (overseas), (gender),
                                  (ethnic_minority), (age_band), ())
       )
       SELECT g.*, t.code AS tier_code, t.name AS tier_name, t.level AS tier_level,
              pr.code AS provider_code, pr.name AS provider_name, pr.country AS provider_country
         FROM grouped g
         LEFT JOIN tiers t ON t.id = g.tier_id
         LEFT JOIN providers pr ON pr.id = g.provider_id`,
      params,
    );
    const of = (dimension: GroupedRow['dimension']) =>
      rows.filter((row) => row.dimension === dimension);

    const main: CategoryTierYearRow[] = of('main')
      .map((row) => ({
        category: row.category!,
        label: categoryLabel(row.category!),
        tier: {
          id: row.tier_id!,
          code: row.tier_code!,
          name: row.tier_name!,
          level: row.tier_level!,
        },
        year: row.year!,
        ...counts(row),
      }))
      .sort(
        (a, b) =>
          categoryRank(a.category) - categoryRank(b.category) ||
          a.tier.level - b.tier.level ||
          a.year - b.year,
      );
    const byProvider: ProviderRow[] = of('provider')
      .map((row) => ({
        provider: {
          id: row.provider_id ?? '',
          code: row.provider_code ?? '',
          name: row.provider_name ?? row.provider_label ?? UNKNOWN_PROVIDER,
          country: row.provider_country ?? '',
        },
        ...counts(row),
      }))
      .sort((a, b) => b.total - a.total || a.provider.code.localeCompare(b.provider.code));
    const find = <K extends keyof GroupedRow>(
      dimension: GroupedRow['dimension'],
      key: K,
      value: GroupedRow[K],
    ) => of(dimension).find((row) => row[key] === value);
    const byLocation: LocationRow[] = [false, true].map((overseas) => ({
      overseas,
      label: overseas ? LOCATION_LABELS.overseas : LOCATION_LABELS.domestic,
      ...counts(find('location', 'overseas', overseas)),
    }));
    const byGender: GenderRow[] = (['female', 'male'] as const).map((gender) => ({
      gender,
      label: GENDER_LABELS[gender],
      ...counts(find('gender', 'gender', gender)),
    }));
    const byEthnicMinority: EthnicMinorityRow[] = [true, false].map((ethnicMinority) => ({
      ethnicMinority,
      label: ethnicMinority ? MINORITY_LABELS.yes : MINORITY_LABELS.no,
      ...counts(find('minority', 'ethnic_minority', ethnicMinority)),
    }));
    const byAgeBand: AgeBandRow[] = AGE_BANDS.map((band, index) => ({
      ageBand: band.key,
      fromAge: band.from,
      belowAge: band.below,
      label: band.label,
      ...counts(find('age', 'age_band', index)),
    }));
    const json: TrainingSummary = {
      from,
      to,
      unitId: filter.unitId ?? null,
      status: filter.status ?? null,
      totals: counts(of('total')[0]),
      rows: main,
      byProvider,
      byLocation,
      byGender,
      byEthnicMinority,
      byAgeBand,
    };

    type MainRow = { category: string; tier: string; year: number } & StatusCounts;
    const tables: ReportResult['tables'] = [
      {
        name: 'by-category',
        title: 'Theo loại hình, cấp, năm',
        columns: columns<MainRow>(
          { key: 'category', header: 'Loại hình đào tạo', type: 'text' },
          { key: 'tier', header: 'Cấp', type: 'text' },
          { key: 'year', header: 'Năm', type: 'integer' },
          ...countColumns<MainRow>(),
        ),
        rows: main.map((row) => ({
          category: row.label.vi,
          tier: row.tier.name,
          year: row.year,
          approved: row.approved,
          inTraining: row.inTraining,
          completed: row.completed,
          total: row.total,
          imported: row.imported,
        })),
      },
      labelledTable(
        'by-provider',
        'Theo cơ sở đào tạo',
        'Cơ sở đào tạo',
        byProvider,
        (row) => row.provider.name,
      ),
      labelledTable(
        'by-location',
        'Trong nước, nước ngoài',
        'Nơi đào tạo',
        byLocation,
        (row) => row.label.vi,
      ),
      labelledTable('by-gender', 'Theo giới tính', 'Giới tính', byGender, (row) => row.label.vi),
      labelledTable(
        'by-ethnicity',
        'Theo dân tộc',
        'Dân tộc',
        byEthnicMinority,
        (row) => row.label.vi,
      ),
      labelledTable('by-age', 'Theo độ tuổi', 'Độ tuổi', byAgeBand, (row) => row.label.vi),
    ];
    return { name: 'training-summary', json, tables };
  }

  /**
   * The article's headline figures: political theory by level, professional degrees with
   * the postgraduate part, fostering by kind, and all participations (`HEADLINE_LINES`).
   */
  async headline(
    ctx: Ctx,
    filter: Omit<TrainingFilter, 'status'>,
  ): Promise<ReportResult<TrainingHeadline>> {
    const { from, to } = resolvePeriod(filter.from, filter.to, ctx.clock.today());
    const { where, params } = await trainingConditions(ctx, from, to, filter.unitId);
    const rows = await query<CountsRow & { category: string }>(
      ctx.manager,
      `SELECT p.category, ${COUNTS_SQL}
         FROM training_participations p ${scopeJoins('p')}
        WHERE ${where.join(' AND ')}
        GROUP BY p.category`,
      params,
    );
    const byCategory = new Map(rows.map((row) => [row.category, counts(row)]));
    const lines: HeadlineRow[] = HEADLINE_LINES.map((line) => ({
      key: line.key,
      label: line.label,
      parent: line.parent,
      ofWhich: line.ofWhich,
      categories: [...line.categories],
      ...line.categories.reduce(
        (sum, category) => addCounts(sum, byCategory.get(category) ?? ZERO),
        { ...ZERO },
      ),
    }));
    const groupOf = (line: HeadlineRow) =>
      HEADLINE_LINES.find((candidate) => candidate.key === (line.parent ?? line.key))!.label.vi;
    type Row = { group: string; line: string } & StatusCounts;
    return {
      name: 'training-headline',
      json: { from, to, unitId: filter.unitId ?? null, lines },
      tables: [
        {
          name: 'headline',
          title: 'Kết quả đào tạo, bồi dưỡng',
          columns: columns<Row>(
            { key: 'group', header: 'Nhóm', type: 'text' },
            { key: 'line', header: 'Nội dung', type: 'text' },
            ...countColumns<Row>(),
          ),
          rows: lines.map((line) => ({
            group: groupOf(line),
            line: line.label.vi,
            approved: line.approved,
            inTraining: line.inTraining,
            completed: line.completed,
            total: line.total,
            imported: line.imported,
          })),
        },
      ],
    };
  }
}

/** The period, the caller's scope and, if asked, the unit subtree, over `p` and `u`. */
export async function trainingConditions(
  ctx: Ctx,
  from: string,
  to: string,
  unitId: string | undefined,
) {
  const scope = reportScope(ctx.actor);
  const where = ['p.starts_on BETWEEN :from::date AND :to::date', scope.sql];
  const params: Record<string, unknown> = { ...scope.params, from, to };
  if (unitId) {
    where.push('u.path LIKE :subtree');
    params.subtree = `${await unitPath(ctx.manager, unitId)}%`;
  }
  return { where, params };
}

/** The tree path of a unit; UNIT_NOT_FOUND when there is no such unit. */
export async function unitPath(manager: EntityManager, unitId: string): Promise<string> {
  const [unit] = await manager.query('SELECT path FROM units WHERE id = $1', [unitId]);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', 'not_found', `No unit ${unitId}.`);
  return unit.path;
}

/**
 * The period of intake start dates: each bound missing is that of the current calendar year
 * (the organization's today); `to` before `from` is refused.
 */
export function resolvePeriod(
  from: string | undefined,
  to: string | undefined,
  today: string = organizationDay(new Date()),
): { from: string; to: string } {
  const year = today.slice(0, 4);
  const period = { from: from ?? `${year}-01-01`, to: to ?? `${year}-12-31` };
  if (period.to < period.from) {
    throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
      errors: [
        {
          field: 'to',
          message: `to (${period.to}) must be on or after from (${period.from}); a bound left out is that of the current year`,
          code: 'PERIOD_REVERSED',
        },
      ],
    });
  }
  return period;
}
