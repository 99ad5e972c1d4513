import { Ctx } from '@app/access';
import {
  FundFilter,
  FundPolicy,
  FundsService,
  FundView,
  LedgerEntryView,
  LedgerFilter,
  LedgerKind,
} from '@app/budget';
import { Injectable } from '@nestjs/common';
import { FUND_SOURCE_LABELS } from './budget-usage.service';
import { columns, ReportResult } from './report-table';

const EXPORT_PAGE = 500;

const POLICY_LABELS: Record<FundPolicy, string> = {
  stop: 'Chặn khi hết tiền',
  warn: 'Chỉ cảnh báo',
};

const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  allocation: 'Cấp kinh phí',
  adjustment: 'Điều chỉnh',
  reservation: 'Giữ chỗ',
  release: 'Hoàn giữ chỗ',
  spend: 'Chi',
};

interface FundLine {
  code: string;
  name: string;
  fiscalYear: number;
  ownerUnitName: string;
  tierName: string;
  source: string;
  policy: string;
  open: boolean;
  allocated: string;
  reserved: string;
  spent: string;
  pipeline: string;
  available: string;
  committedWithPipelinePercent: number;
}

interface LedgerLine {
  occurredAt: string;
  kind: string;
  amount: string;
  reference: string;
  nomineeName: string;
  intakeCode: string;
  intakeName: string;
  actorName: string;
  comment: string;
  overridden: boolean;
}

/**
 * Funds and a fund's ledger as CSV / XLSX, drawn from `FundsService` page by page, so they
 * show exactly what the JSON lists show to the same caller (`fundScope`), pipeline included.
 */
@Injectable()
export class FundExportsService {
  constructor(private readonly fundsService: FundsService) {}

  /** Every fund matching the filter (the list's own order); JSON is the list's page. */
  async funds(
    ctx: Ctx,
    filter: FundFilter,
  ): Promise<ReportResult<{ items: FundView[]; total: number }>> {
    const page = await this.fundsService.list(ctx.actor, filter);
    const list = this.fundsService;
    const lines = async function* () {
      for (let number = 1; ; number++) {
        const { items } = await list.list(ctx.actor, {
          ...filter,
          page: number,
          pageSize: EXPORT_PAGE,
        });
        yield* items.map(toFundLine);
        if (items.length < EXPORT_PAGE) return;
      }
    };
    return {
      name: 'funds',
      json: page,
      tables: [
        {
          name: 'funds',
          title: 'Quỹ đào tạo',
          columns: columns<FundLine>(
            { key: 'code', header: 'Mã quỹ', type: 'text' },
            { key: 'name', header: 'Tên quỹ', type: 'text' },
            { key: 'fiscalYear', header: 'Năm ngân sách', type: 'integer' },
            { key: 'ownerUnitName', header: 'Đơn vị quản lý', type: 'text' },
            { key: 'tierName', header: 'Cấp', type: 'text' },
            { key: 'source', header: 'Nguồn', type: 'text' },
            { key: 'policy', header: 'Khi hết kinh phí', type: 'text' },
            { key: 'open', header: 'Đang mở', type: 'boolean' },
            { key: 'allocated', header: 'Dự toán (đồng)', type: 'money' },
            { key: 'reserved', header: 'Đã giữ chỗ (đồng)', type: 'money' },
            { key: 'spent', header: 'Đã chi (đồng)', type: 'money' },
            { key: 'pipeline', header: 'Đang xét duyệt (đồng)', type: 'money' },
            { key: 'available', header: 'Còn lại (đồng)', type: 'money' },
            {
              key: 'committedWithPipelinePercent',
              header: 'Đã cam kết và đang xét (%)',
              type: 'percent',
            },
          ),
          rows: lines(),
        },
      ],
    };
  }

  /** Every ledger entry of a fund matching the filter, newest first. */
  async ledger(
    ctx: Ctx,
    fundId: string,
    filter: LedgerFilter,
  ): Promise<ReportResult<{ items: LedgerEntryView[]; total: number }>> {
    const fund = await this.fundsService.get(ctx.actor, fundId);
    const page = await this.fundsService.ledger(ctx.actor, fundId, filter);
    const list = this.fundsService;
    const lines = async function* () {
      for (let number = 1; ; number++) {
        const { items } = await list.ledger(ctx.actor, fundId, {
          ...filter,
          page: number,
          pageSize: EXPORT_PAGE,
        });
        yield* items.map(toLedgerLine);
        if (items.length < EXPORT_PAGE) return;
      }
    };
    return {
      name: `ledger-${fund.code}`,
      json: page,
      tables: [
        {
          name: 'ledger',
          title: 'Sổ quỹ',
          columns: columns<LedgerLine>(
            { key: 'occurredAt', header: 'Thời điểm', type: 'text' },
            { key: 'kind', header: 'Loại', type: 'text' },
            { key: 'amount', header: 'Số tiền (đồng)', type: 'money' },
            { key: 'reference', header: 'Số hồ sơ', type: 'text' },
            { key: 'nomineeName', header: 'Người được cử', type: 'text' },
            { key: 'intakeCode', header: 'Mã khóa học', type: 'text' },
            { key: 'intakeName', header: 'Chương trình', type: 'text' },
            { key: 'actorName', header: 'Người thực hiện', type: 'text' },
            { key: 'comment', header: 'Ghi chú', type: 'text' },
            { key: 'overridden', header: 'Vượt kinh phí có phê duyệt', type: 'boolean' },
          ),
          rows: lines(),
        },
      ],
    };
  }
}

/** (reserved + spent + pipeline) / allocated, in percent, rounded down to 2 decimals. */
export function committedWithPipelinePercent(fund: {
  allocated: bigint;
  reserved: bigint;
  spent: bigint;
  pipeline: bigint;
}): number {
  if (fund.allocated <= 0n) return 0;
  const basisPoints = ((fund.reserved + fund.spent + fund.pipeline) * 10_000n) / fund.allocated;
  return Number(basisPoints) / 100;
}

function toFundLine(fund: FundView): FundLine {
  return {
    code: fund.code,
    name: fund.name,
    fiscalYear: fund.fiscalYear,
    ownerUnitName: fund.ownerUnitName,
    tierName: fund.tierName,
    source: FUND_SOURCE_LABELS[fund.source],
    policy: POLICY_LABELS[fund.policy],
    open: fund.status === 'open',
    allocated: fund.allocated.toString(),
    reserved: fund.reserved.toString(),
    spent: fund.spent.toString(),
    pipeline: fund.pipeline.toString(),
    available: fund.available.toString(),
    committedWithPipelinePercent: committedWithPipelinePercent(fund),
  };
}

/** The organization's clock: instants read in Vietnam (UTC+7, no daylight saving). */
function vietnamTime(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function toLedgerLine(entry: LedgerEntryView): LedgerLine {
  return {
    occurredAt: vietnamTime(new Date(entry.occurredAt)),
    kind: LEDGER_KIND_LABELS[entry.kind],
    amount: entry.amount.toString(),
    reference: entry.nomination?.reference ?? '',
    nomineeName: entry.nomination?.nomineeName ?? '',
    intakeCode: entry.nomination?.intakeCode ?? '',
    intakeName: entry.nomination?.intakeName ?? '',
    actorName: entry.actorName ?? '',
    comment: entry.comment ?? entry.overrideReason ?? '',
    overridden: entry.overrideReason !== null,
  };
}
