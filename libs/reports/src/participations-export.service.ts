import { Ctx } from '@app/access';
import { FundSource } from '@app/budget';
import { query } from '@app/database';
import { Injectable } from '@nestjs/common';
import { FUND_SOURCE_LABELS } from './budget-usage.service';
import { categoryLabel } from './categories';
import { columns, pagedRows, ReportResult } from './report-table';
import { scopeJoins } from './scope';
import {
  ParticipationStatus,
  resolvePeriod,
  STATUS_LABELS,
  trainingConditions,
  TrainingFilter,
} from './training-summary.service';

/** One participation as a line of the list. */
export interface ParticipationLine {
  reference: string;
  nomineeCode: string;
  nomineeName: string;
  unitName: string;
  tierName: string;
  programName: string;
  category: string;
  providerName: string;
  overseas: string;
  startsOn: string;
  status: string;
  gender: string;
  ethnicMinority: boolean;
  age: number;
  /** Whole VND; for an imported line the cost it recorded (null when none). */
  estimatedCost: string | null;
  /** Imported from the history before the product (no nomination). */
  imported: boolean;
  decisionNumber: string | null;
  /** The funds paying (a cost split may use several), joined by "; ". */
  fundCodes: string;
  fundOwners: string;
  fundSources: string;
}

const PAGE = 2_000;

/**
 * Every participation in the period, one line each: the export behind the summary's counts.
 * It can be hundreds of thousands of lines, so it is read a page at a time (keyset on the
 * start date and fact id, from an index in that order) while the CSV or XLSX is
 * written; JSON answers only the count and the first lines, pointing to the exports.
 */
@Injectable()
export class ParticipationsExportService {
  async list(
    ctx: Ctx,
    filter: TrainingFilter,
    pageSize = PAGE,
  ): Promise<
    ReportResult<{ from: string; to: string; total: number; firstLines: ParticipationLine[] }>
  > {
    const { from, to } = resolvePeriod(filter.from, filter.to, ctx.clock.today());
    const { where, params } = await trainingConditions(ctx, from, to, filter.unitId);
    if (filter.status) {
      where.push('p.status = :status');
      params.status = filter.status;
    }
    const page = (after: string | undefined) =>
      query<Row>(
        ctx.manager,
        `SELECT p.id, coalesce(n.reference, '') AS reference, st.code AS "nomineeCode",
                st.full_name AS "nomineeName", u.name AS "unitName", t.name AS "tierName",
                coalesce(pg.name, '') AS "programName", p.category,
                coalesce(pr.name, p.provider_name, '') AS "providerName", p.overseas,
                to_char(p.starts_on, 'YYYY-MM-DD') AS "startsOn", p.status, p.gender,
                p.ethnic_minority AS "ethnicMinority", p.age,
                coalesce(n.estimated_cost, ip.cost)::text AS "estimatedCost",
                p.source = 'imported' AS imported, n.decision_number AS "decisionNumber",
                funds.codes AS "fundCodes", funds.owners AS "fundOwners",
                funds.sources AS "fundSources"
           FROM training_participations p ${scopeJoins('p')}
           JOIN tiers t ON t.id = u.tier_id
           -- Imported lines have no nomination, maybe no programme or catalog provider.
           LEFT JOIN nominations n ON n.id = p.nomination_id
           LEFT JOIN imported_participations ip ON ip.id = p.id AND p.source = 'imported'
           JOIN staff st ON st.id = p.staff_id
           LEFT JOIN programs pg ON pg.id = p.program_id
           LEFT JOIN providers pr ON pr.id = p.provider_id
           -- The funds paying: a nomination's cost lines, or the fund an imported line names
           -- (or, without one, the source it recorded).
           CROSS JOIN LATERAL (
             SELECT coalesce(string_agg(f.code, '; ' ORDER BY f.code), '') AS codes,
                    coalesce(string_agg(fo.name, '; ' ORDER BY f.code), '') AS owners,
                    coalesce(array_agg(f.source ORDER BY f.code)
                               FILTER (WHERE f.source IS NOT NULL),
                             CASE WHEN ip.funding_source IS NULL THEN '{}'
                                  ELSE ARRAY[ip.funding_source] END) AS sources
               FROM funds f
               JOIN units fo ON fo.id = f.owner_unit_id
              WHERE f.id IN (SELECT cl.fund_id FROM nomination_cost_lines cl
                              WHERE cl.nomination_id = n.id)
                 OR f.id = ip.fund_id
           ) funds
          WHERE ${where.join(' AND ')}
                ${after ? 'AND (p.starts_on, p.id) > (:afterDate::date, :afterId::uuid)' : ''}
          ORDER BY p.starts_on, p.id
          LIMIT ${pageSize}`,
        { ...params, afterDate: after?.slice(0, 10), afterId: after?.slice(11) },
      );
    const [{ total }] = await query<{ total: number }>(
      ctx.manager,
      `SELECT count(*)::int AS total FROM training_participations p ${scopeJoins('p')}
        WHERE ${where.join(' AND ')}`,
      params,
    );
    const lines = async function* () {
      for await (const row of pagedRows(page, (row) => `${row.startsOn}|${row.id}`)) {
        yield toLine(row);
      }
    };
    const first = (await page(undefined)).slice(0, 50).map(toLine);
    return {
      name: 'participations',
      json: { from, to, total, firstLines: first },
      tables: [
        {
          name: 'participations',
          title: 'Danh sách lượt đào tạo',
          columns: columns<ParticipationLine>(
            { key: 'reference', header: 'Số hồ sơ', type: 'text' },
            { key: 'nomineeCode', header: 'Mã cán bộ', type: 'text' },
            { key: 'nomineeName', header: 'Họ và tên', type: 'text' },
            { key: 'unitName', header: 'Đơn vị', type: 'text' },
            { key: 'tierName', header: 'Cấp', type: 'text' },
            { key: 'programName', header: 'Chương trình', type: 'text' },
            { key: 'category', header: 'Loại hình đào tạo', type: 'text' },
            { key: 'providerName', header: 'Cơ sở đào tạo', type: 'text' },
            { key: 'overseas', header: 'Trong nước/Nước ngoài', type: 'text' },
            { key: 'startsOn', header: 'Ngày khai giảng', type: 'date' },
            { key: 'status', header: 'Trạng thái', type: 'text' },
            { key: 'gender', header: 'Giới tính', type: 'text' },
            { key: 'ethnicMinority', header: 'Dân tộc thiểu số', type: 'boolean' },
            { key: 'age', header: 'Tuổi', type: 'integer' },
            { key: 'estimatedCost', header: 'Kinh phí dự kiến (đồng)', type: 'money' },
            { key: 'imported', header: 'Nhập từ lịch sử', type: 'boolean' },
            { key: 'decisionNumber', header: 'Số quyết định', type: 'text' },
            { key: 'fundCodes', header: 'Mã quỹ', type: 'text' },
            { key: 'fundOwners', header: 'Đơn vị quản lý quỹ', type: 'text' },
            { key: 'fundSources', header: 'Nguồn kinh phí', type: 'text' },
          ),
          rows: lines(),
        },
      ],
    };
  }
}

type Row = Omit<
  ParticipationLine,
  'overseas' | 'gender' | 'status' | 'category' | 'fundSources'
> & {
  fundSources: FundSource[];
  id: string;
  overseas: boolean;
  gender: 'female' | 'male';
  status: ParticipationStatus;
  category: string;
};

function toLine({ id: _id, ...row }: Row): ParticipationLine {
  return {
    ...row,
    category: categoryLabel(row.category).vi,
    overseas: row.overseas ? 'Nước ngoài' : 'Trong nước',
    status: STATUS_LABELS[row.status].vi,
    gender: row.gender === 'female' ? 'Nữ' : 'Nam',
    fundSources: [...new Set(row.fundSources.map((source) => FUND_SOURCE_LABELS[source]))].join(
      '; ',
    ),
  };
}
