import { moveAllocationTo } from '@app/budget';
import { bulkInsert } from './bulk';
import { BulkColumn } from './bulk';
import { Change, codesOf, Importer, inSlices, selectByCodes, str } from './importer';
import { ErrorList } from './rows';
import { plainFields, RowProblem, upsertByCode } from './upsert-by-code';

const FUND_COLUMNS: BulkColumn[] = [
  { column: 'code', field: 'code', type: 'text' },
  { column: 'name', field: 'name', type: 'text' },
  { column: 'fiscal_year', field: 'fiscalYear', type: 'smallint' },
  { column: 'owner_unit_id', field: 'ownerUnitId', type: 'uuid' },
  { column: 'source', field: 'source', type: 'text' },
  { column: 'policy', field: 'policy', type: 'text' },
  { column: 'status', field: 'status', type: 'text' },
];

/** What a fund is for: set when it is created, as the fund screens have it. */
const FIXED_FIELDS: Array<[string, string]> = [
  ['fiscalYear', 'fiscal_year'],
  ['ownerUnitId', 'owner_unit_code'],
  ['source', 'source'],
];

/**
 * Funds, upserted by code, created with nothing allocated (the `allocations` kind moves
 * money). A fund's year, owner and source do not change once it exists, and an overdrawn
 * fund cannot take the `stop` policy.
 */
export const importFunds = upsertByCode({
  entity: 'fund',
  table: 'funds',
  hasUpdatedAt: true,
  columns: FUND_COLUMNS,
  plain: plainFields(FUND_COLUMNS, 'code', 'name', 'fiscal_year', 'source', 'policy', 'status'),
  references: [
    {
      key: 'owner_unit_code',
      field: 'ownerUnitId',
      table: 'units',
      what: 'unit',
      code: 'UNKNOWN_UNIT',
    },
  ],
  emptyDefaults: { policy: 'stop', status: 'open' },
  readOnly: ['t.available::text AS "available"'],
  check: (after, before, stored) => {
    if (!before || !stored) return [];
    const problems = FIXED_FIELDS.filter(([field]) => after[field] !== before[field]).map(
      ([, column]): RowProblem => ({
        column,
        code: 'FUND_FIXED',
        message: `Fund ${String(after.code)} exists; its ${column} cannot change (create another fund).`,
      }),
    );
    if (
      after.policy === 'stop' &&
      before.policy !== 'stop' &&
      BigInt(stored.available as string) < 0n
    ) {
      problems.push({
        column: 'policy',
        code: 'FUND_OVERDRAWN',
        message: `Fund ${String(after.code)} is overdrawn (${String(stored.available)} VND available); it cannot take the stop policy.`,
      });
    }
    return problems;
  },
});

interface StoredFund {
  id: string;
  code: string;
  allocated: string;
  reserved: string;
  spent: string;
}

const LEDGER_COLUMNS: BulkColumn[] = [
  { column: 'fund_id', field: 'fundId', type: 'uuid' },
  { column: 'kind', field: 'kind', type: 'text' },
  { column: 'amount', field: 'amount', type: 'bigint' },
  { column: 'actor_user_id', field: 'actorUserId', type: 'uuid' },
  { column: 'comment', field: 'comment', type: 'text' },
];

/** The ledger comment when the file gives none (an adjustment must say why). */
export const IMPORTED_ALLOCATION_COMMENT = 'Allocation set by import';

/**
 * Sets each fund's allocation to the file's total: the difference goes in the ledger as an
 * allocation (more) or an adjustment (less), and the balance moves with it, under the
 * funds' row locks. A total below what is reserved and spent is refused, whatever the
 * fund's policy. A fund that had nothing allocated counts as created.
 */
export const importAllocations: Importer = async (context) => {
  const { manager, rows, actor } = context;
  // Locked in id order, the order every budget operation follows.
  const funds = new Map(
    (
      await selectByCodes<StoredFund>(
        manager,
        `SELECT id, code, allocated::text, reserved::text, spent::text FROM funds
          WHERE code = ANY($1) ORDER BY id FOR UPDATE`,
        await codesOf(rows, 'fund_code'),
      )
    ).map((fund) => [fund.code, fund]),
  );
  const errors = new ErrorList(context.maxErrors);
  const firstRow = new Map<string, number>();
  const moves: Array<{ fund: StoredFund; kind: string; amount: bigint; comment: string }> = [];
  let unchanged = 0;
  await inSlices(rows, ({ row, values }) => {
    const code = str(values.fund_code);
    const total = str(values.allocated);
    if (code === undefined || total === undefined) return;
    if (firstRow.has(code)) {
      errors.push({
        row,
        column: 'fund_code',
        code: 'DUPLICATE_CODE',
        message: `Fund ${code} is also on row ${firstRow.get(code)}.`,
      });
      return;
    }
    firstRow.set(code, row);
    const fund = funds.get(code);
    if (!fund) {
      errors.push({
        row,
        column: 'fund_code',
        code: 'UNKNOWN_FUND',
        message: `No fund with code ${code}.`,
      });
      return;
    }
    const move = moveAllocationTo(
      {
        allocated: BigInt(fund.allocated),
        reserved: BigInt(fund.reserved),
        spent: BigInt(fund.spent),
      },
      BigInt(total),
    );
    if (move.kind === 'refused') {
      errors.push({
        row,
        column: 'allocated',
        code: 'ALLOCATION_BELOW_COMMITTED',
        message: `Fund ${code} has ${move.committed} VND reserved or spent; its allocation cannot be ${total}.`,
      });
    } else if (move.kind === 'none') unchanged++;
    else {
      moves.push({
        fund,
        kind: move.kind,
        amount: move.amount,
        comment: str(values.comment) ?? IMPORTED_ALLOCATION_COMMENT,
      });
    }
  });
  return {
    errors,
    apply: async () => {
      await bulkInsert(
        manager,
        'fund_ledger',
        LEDGER_COLUMNS,
        moves.map((move) => ({
          fundId: move.fund.id,
          kind: move.kind,
          amount: move.amount.toString(),
          actorUserId: actor.userId,
          comment: move.comment,
        })),
      );
      const changes: Change[] = [];
      for (const move of moves) {
        await manager.query(
          `UPDATE funds SET allocated = allocated + $2, updated_at = now() WHERE id = $1`,
          [move.fund.id, move.amount.toString()],
        );
        const balances = { reserved: move.fund.reserved, spent: move.fund.spent };
        changes.push({
          id: move.fund.id,
          before: { code: move.fund.code, allocated: move.fund.allocated, ...balances },
          after: {
            code: move.fund.code,
            allocated: (BigInt(move.fund.allocated) + move.amount).toString(),
            ...balances,
          },
        });
      }
      await context.recordAudit('fund', changes);
      const created = moves.filter((move) => move.fund.allocated === '0').length;
      return { created, updated: moves.length - created, unchanged };
    },
  };
};
