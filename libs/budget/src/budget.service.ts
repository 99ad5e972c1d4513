import type { Actor } from '@app/access';
import { basisPoints, DomainError, type WorkContext } from '@app/common';
import { returning } from '@app/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CostLine } from './cost-split';
import { financeOverFund } from './fund-scope';
import { fundNotFound } from './fund-view';
import { crossesPipelineWarning } from './pipeline-warning';

export interface FundCheck {
  fundId: string;
  available: bigint;
  afterCommitment: bigint;
  /** What is under review and would draw on the fund (see PipelineSource). */
  pipeline: bigint;
  afterPipeline: bigint;
  verdict: 'ok' | 'warn' | 'block';
}

export interface Override {
  /** Why finance lets a `warn` fund go beyond its money. */
  reason: string;
  /**
   * Who asks for it: finance over every fund the movement charges, or the movement is
   * refused with `OVERRIDE_NOT_ALLOWED` (never carried out without it).
   */
  by: Actor;
}

/** Who settles, and for whom: needed to settle on a fund the nomination did not reserve. */
export interface Settler {
  actor: Actor;
  /** The nominee's unit path: a fund settled instead must be able to pay for them. */
  nomineeUnitPath: string;
}

/** A nomination's money movement; the ledger records the context's actor as who moved it. */
interface Movement {
  nominationId: string;
  comment?: string | null;
}

interface FundRow {
  id: string;
  code: string;
  status: 'open' | 'closed';
  policy: 'stop' | 'warn';
  allocated: string;
  reserved: string;
  spent: string;
  available: string;
  thresholds: number[];
}

/**
 * The only code that moves money. Every method runs in its caller's transaction (the
 * context's manager; none opens its own), writes a ledger entry and changes the balance in
 * one conditional UPDATE, never an absolute value read earlier, so concurrent commitments
 * cannot overspend. Funds are always touched in id order, so multi-fund operations cannot
 * deadlock each other.
 */
@Injectable()
export class BudgetService {
  /**
   * Per fund, the estimates of nominations still under review that would draw on it; with
   * `exceptNominationId`, leaving that nomination's own lines out.
   */
  async pipeline(
    tx: WorkContext,
    fundIds: string[],
    exceptNominationId?: string,
  ): Promise<Map<string, bigint>> {
    if (!fundIds.length) return new Map();
    const rows: Array<{ fund_id: string; amount: string }> = await tx.manager.query(
      `SELECT fund_id, sum(amount)::text AS amount FROM fund_pipeline
        WHERE fund_id = ANY($1::uuid[]) AND nomination_id IS DISTINCT FROM $2::uuid
        GROUP BY fund_id`,
      [fundIds, exceptNominationId ?? null],
    );
    return new Map(rows.map((row) => [row.fund_id, BigInt(row.amount)]));
  }

  /**
   * What each fund has left and would have after these lines. For a nomination's own lines,
   * give its id: the pipeline then counts the others under review, not the lines checked.
   */
  async check(tx: WorkContext, lines: CostLine[], nominationId?: string): Promise<FundCheck[]> {
    const ordered = byFund(lines);
    const funds = await this.funds(
      tx.manager,
      ordered.map((line) => line.fundId),
    );
    const pipeline = await this.pipeline(
      tx,
      ordered.map((line) => line.fundId),
      nominationId,
    );
    return ordered.map((line) => {
      const fund = funds.get(line.fundId);
      if (!fund) throw fundNotFound(line.fundId);
      const available = BigInt(fund.available);
      const afterCommitment = available - line.amount;
      const inReview = pipeline.get(line.fundId) ?? 0n;
      const afterPipeline = afterCommitment - inReview;
      const verdict =
        fund.status !== 'open' || (afterCommitment < 0n && fund.policy === 'stop')
          ? 'block'
          : afterCommitment < 0n || afterPipeline < 0n
            ? 'warn'
            : 'ok';
      return {
        fundId: line.fundId,
        available,
        afterCommitment,
        pipeline: inReview,
        afterPipeline,
        verdict,
      };
    });
  }

  /**
   * Reserves a nomination's lines, all or nothing: a refusal throws, and the caller's
   * transaction rolls back whatever was reserved before it.
   */
  async reserve(
    tx: WorkContext,
    movement: Movement & { lines: CostLine[]; override?: Override },
  ): Promise<void> {
    await this.authorizeOverride(
      tx,
      movement.override,
      byFund(movement.lines).map((line) => line.fundId),
    );
    for (const line of byFund(movement.lines)) {
      await this.insertEntry(
        tx,
        line.fundId,
        'reservation',
        line.amount,
        movement,
        movement.override?.reason,
      );
      const [updated] = await returning<FundRow>(
        tx.manager,
        `UPDATE funds SET reserved = reserved + $2, updated_at = now()
          WHERE id = $1 AND status = 'open' AND (available >= $2 OR (policy = 'warn' AND $3))
          RETURNING ${FUND_COLUMNS}`,
        [line.fundId, line.amount.toString(), Boolean(movement.override)],
      );
      if (!updated) throw await this.refusal(tx.manager, line.fundId, line.amount, true);
      await this.recordThresholds(tx.manager, updated, line.amount, movement.nominationId);
    }
  }

  /** Gives back whatever is still reserved for the nomination; a second call finds nothing. */
  async release(tx: WorkContext, movement: Movement): Promise<CostLine[]> {
    const outstanding = await this.outstanding(tx, movement.nominationId);
    for (const line of outstanding) {
      await this.insertEntry(tx, line.fundId, 'release', line.amount, movement);
      await tx.manager.query(
        `UPDATE funds SET reserved = reserved - $2, updated_at = now() WHERE id = $1`,
        [line.fundId, line.amount.toString()],
      );
    }
    return outstanding;
  }

  /**
   * Records the actual spend and releases the reservation it replaces. Spending more than was
   * reserved on a fund needs that much available (or, on a `warn` fund, an override). The
   * spend goes on the funds the nomination reserved; another fund only when finance over it
   * settles (`settler`) and its owner can pay for the nominee, and that spend says so.
   */
  async settle(
    tx: WorkContext,
    movement: Movement & { lines: CostLine[]; override?: Override; settler?: Settler },
  ): Promise<void> {
    // One line per fund, as at creation: two lines on one fund are a mistake, not a sum.
    if (new Set(movement.lines.map((line) => line.fundId)).size !== movement.lines.length) {
      throw new DomainError('DUPLICATE_FUND', 'invalid', 'Each fund may appear once.', {
        errors: [
          {
            field: 'actualCostLines',
            message: 'each fund may appear once',
            code: 'DUPLICATE_FUND',
          },
        ],
      });
    }
    const reserved = new Map(
      (await this.outstanding(tx, movement.nominationId)).map((l) => [l.fundId, l.amount]),
    );
    const [{ settled }] = await tx.manager.query(
      `SELECT EXISTS (SELECT 1 FROM fund_ledger WHERE nomination_id = $1 AND kind = 'spend') AS settled`,
      [movement.nominationId],
    );
    if (settled && reserved.size === 0) {
      throw new DomainError(
        'ALREADY_SETTLED',
        'conflict',
        'The actual spend of this nomination is already recorded.',
      );
    }
    const spend = new Map(byFund(movement.lines).map((line) => [line.fundId, line.amount]));
    const elsewhere = [...spend.keys()].filter((fundId) => !reserved.has(fundId));
    await this.assertMaySettleElsewhere(tx.manager, elsewhere, movement.settler);
    await this.authorizeOverride(
      tx,
      movement.override,
      [...spend.keys()].filter((fundId) => spend.get(fundId)! > 0n),
    );
    const fundIds = [...new Set([...reserved.keys(), ...spend.keys()])].sort();
    for (const fundId of fundIds) {
      const release = reserved.get(fundId) ?? 0n;
      const actual = spend.get(fundId) ?? 0n;
      // A fund taking a spend it never reserved takes a new commitment: it must be open.
      const fresh = elsewhere.includes(fundId);
      if (release > 0n)
        await this.insertEntry(tx, fundId, 'release', release, {
          ...movement,
          comment: 'settled',
        });
      if (actual > 0n)
        await this.insertEntry(
          tx,
          fundId,
          'spend',
          actual,
          fresh ? { ...movement, comment: SETTLED_ELSEWHERE } : movement,
          movement.override?.reason,
        );
      const overrun = actual - release;
      const [updated] = await returning<FundRow>(
        tx.manager,
        `UPDATE funds SET reserved = reserved - $2, spent = spent + $3, updated_at = now()
          WHERE id = $1 AND ($4::bigint <= 0 OR available >= $4 OR (policy = 'warn' AND $5))
            AND (NOT $6 OR status = 'open')
          RETURNING ${FUND_COLUMNS}`,
        [
          fundId,
          release.toString(),
          actual.toString(),
          overrun.toString(),
          Boolean(movement.override),
          fresh,
        ],
      );
      if (!updated) throw await this.refusal(tx.manager, fundId, overrun, fresh);
      if (overrun > 0n)
        await this.recordThresholds(tx.manager, updated, overrun, movement.nominationId);
    }
  }

  /** New money for a fund. */
  async allocate(tx: WorkContext, fundId: string, amount: bigint, comment: string | null) {
    if (amount <= 0n)
      throw new DomainError('AMOUNT_NOT_POSITIVE', 'invalid', 'An allocation must be positive.');
    await this.insertEntry(tx, fundId, 'allocation', amount, {
      nominationId: null,
      comment,
    });
    await tx.manager.query(
      `UPDATE funds SET allocated = allocated + $2, updated_at = now() WHERE id = $1`,
      [fundId, amount.toString()],
    );
  }

  /** Raises or lowers the allocation; lowering a `stop` fund below what is committed is refused. */
  async adjust(tx: WorkContext, fundId: string, amount: bigint, reason: string) {
    if (amount === 0n)
      throw new DomainError('AMOUNT_ZERO', 'invalid', 'An adjustment cannot be zero.');
    await this.insertEntry(tx, fundId, 'adjustment', amount, {
      nominationId: null,
      comment: reason,
    });
    const [updated] = await returning<{ id: string }>(
      tx.manager,
      `UPDATE funds SET allocated = allocated + $2, updated_at = now()
        WHERE id = $1 AND allocated + $2 >= 0 AND ($2 >= 0 OR policy = 'warn' OR available + $2 >= 0)
        RETURNING id`,
      [fundId, amount.toString()],
    );
    if (!updated) {
      const fund = (await this.funds(tx.manager, [fundId])).get(fundId);
      if (!fund) throw fundNotFound(fundId);
      throw new DomainError(
        'ADJUSTMENT_EXCEEDS_AVAILABLE',
        'unprocessable',
        `Fund ${fund.code} has ${fund.available} VND available and ${fund.allocated} VND allocated; it cannot be lowered by ${-amount} VND.`,
        {
          fundId,
          fundCode: fund.code,
          available: fund.available,
          allocated: fund.allocated,
          requested: (-amount).toString(),
        },
      );
    }
  }

  /** Balances recomputed from the ledger, for every fund whose row differs (there should be none). */
  async reconcile(tx: WorkContext): Promise<Array<Record<string, string>>> {
    return tx.manager.query(`
      WITH sums AS (
        SELECT f.id, f.code,
               f.allocated, f.reserved, f.spent,
               coalesce(sum(l.amount) FILTER (WHERE l.kind IN ('allocation', 'adjustment')), 0) AS ledger_allocated,
               coalesce(sum(l.amount) FILTER (WHERE l.kind = 'reservation'), 0)
                 - coalesce(sum(l.amount) FILTER (WHERE l.kind = 'release'), 0) AS ledger_reserved,
               coalesce(sum(l.amount) FILTER (WHERE l.kind = 'spend'), 0) AS ledger_spent
          FROM funds f LEFT JOIN fund_ledger l ON l.fund_id = f.id
         GROUP BY f.id)
      SELECT id AS "fundId", code AS "fundCode",
             allocated::text, ledger_allocated::text AS "ledgerAllocated",
             reserved::text, ledger_reserved::text AS "ledgerReserved",
             spent::text, ledger_spent::text AS "ledgerSpent"
        FROM sums
       WHERE allocated <> ledger_allocated OR reserved <> ledger_reserved OR spent <> ledger_spent
       ORDER BY code`);
  }

  /** What is still reserved for a nomination, per fund, in fund order. */
  async outstanding(tx: WorkContext, nominationId: string): Promise<CostLine[]> {
    const rows: Array<{ fund_id: string; amount: string }> = await tx.manager.query(
      `SELECT fund_id, (sum(amount) FILTER (WHERE kind = 'reservation')
                        - coalesce(sum(amount) FILTER (WHERE kind = 'release'), 0))::text AS amount
         FROM fund_ledger WHERE nomination_id = $1 AND kind IN ('reservation', 'release')
        GROUP BY fund_id ORDER BY fund_id`,
      [nominationId],
    );
    return rows
      .map((row) => ({ fundId: row.fund_id, amount: BigInt(row.amount) }))
      .filter((line) => line.amount > 0n);
  }

  private async insertEntry(
    tx: WorkContext,
    fundId: string,
    kind: string,
    amount: bigint,
    movement: { nominationId?: string | null; comment?: string | null },
    overrideReason?: string,
  ): Promise<void> {
    try {
      await tx.manager.query(
        `INSERT INTO fund_ledger (fund_id, kind, amount, nomination_id, actor_user_id, comment, override_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          fundId,
          kind,
          amount.toString(),
          movement.nominationId ?? null,
          tx.actorUserId,
          movement.comment ?? null,
          overrideReason ?? null,
        ],
      );
    } catch (error) {
      const code =
        (error as { code?: string; driverError?: { code?: string } }).driverError?.code ??
        (error as { code?: string }).code;
      if (code === '23505') {
        throw new DomainError(
          'ALREADY_RESERVED',
          'conflict',
          'This nomination is already reserved on that fund.',
          { fundId },
        );
      }
      if (code === '23503') throw fundNotFound(fundId);
      throw error;
    }
  }

  private async funds(manager: EntityManager, ids: string[]): Promise<Map<string, FundRow>> {
    const rows: FundRow[] = ids.length
      ? await manager.query(`SELECT ${FUND_COLUMNS} FROM funds WHERE id = ANY($1::uuid[])`, [ids])
      : [];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Why a conditional UPDATE changed nothing, as a domain error. */
  private async refusal(
    manager: EntityManager,
    fundId: string,
    requested: bigint,
    needsOpen: boolean,
  ): Promise<DomainError> {
    const fund = (await this.funds(manager, [fundId])).get(fundId);
    if (!fund) return fundNotFound(fundId);
    if (needsOpen && fund.status !== 'open') {
      return new DomainError(
        'FUND_CLOSED',
        'unprocessable',
        `Fund ${fund.code} is closed and takes no new commitments.`,
        {
          fundId,
          fundCode: fund.code,
        },
      );
    }
    return new DomainError(
      'BUDGET_EXCEEDED',
      'unprocessable',
      `Fund ${fund.code} has ${fund.available} VND available; ${requested} VND was requested.` +
        (fund.policy === 'warn' ? ' Finance may allow it with an override and a reason.' : ''),
      {
        fundId,
        fundCode: fund.code,
        available: fund.available,
        requested: requested.toString(),
        policy: fund.policy,
      },
    );
  }

  private async recordThresholds(
    manager: EntityManager,
    fund: FundRow,
    added: bigint,
    nominationId: string,
  ) {
    const allocated = BigInt(fund.allocated);
    const committed = BigInt(fund.reserved) + BigInt(fund.spent);
    const before = basisPoints(committed - added, allocated);
    const after = basisPoints(committed, allocated);
    const crossed: number[] = [];
    for (const threshold of fund.thresholds) {
      if (before < threshold * 100 && after >= threshold * 100) {
        // Every threshold crossed is recorded, so a later commitment does not cross it again.
        const recorded = await manager.query(
          `INSERT INTO fund_threshold_events (fund_id, threshold, utilization_basis_points, nomination_id)
           VALUES ($1, $2, $3, $4) ON CONFLICT (fund_id, threshold) DO NOTHING RETURNING id`,
          [fund.id, threshold, after, nominationId],
        );
        if (recorded.length) crossed.push(threshold);
      }
    }
    // Finance hears of it once per commitment, naming the highest threshold crossed, through
    // the same outbox as the workflow.
    if (crossed.length) {
      await manager.query(
        `INSERT INTO outbox_events (type, aggregate_id, payload) VALUES ('fund.threshold_crossed', $1, $2::jsonb)`,
        [
          fund.id,
          JSON.stringify({
            threshold: Math.max(...crossed),
            thresholds: crossed,
            utilizationBasisPoints: after,
            nominationId,
          }),
        ],
      );
    }
  }

  /**
   * The early warning as a nomination enters review: for each fund it draws on whose
   * committed + pipeline it takes across the fund's pipeline warning percent, one
   * `fund.pipeline_warning` event in the outbox, in the caller's transaction. The funds' rows
   * are locked first, so two nominations entering review together are counted one after the
   * other and a crossing is never missed between them (see `crossesPipelineWarning`).
   */
  async warnOnPipeline(tx: WorkContext, nominationId: string): Promise<string[]> {
    const lines: Array<{ fundId: string; amount: string }> = await tx.manager.query(
      `SELECT fund_id AS "fundId", amount::text AS amount FROM nomination_cost_lines
        WHERE nomination_id = $1 ORDER BY fund_id`,
      [nominationId],
    );
    if (!lines.length) return [];
    const ids = lines.map((line) => line.fundId);
    await tx.manager.query(
      `SELECT id FROM funds WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    const funds: Array<{
      id: string;
      percent: number | null;
      allocated: string;
      committed: string;
      pipeline: string;
    }> = await tx.manager.query(
      `SELECT f.id, f.pipeline_warning_percent AS percent, f.allocated::text,
              (f.reserved + f.spent)::text AS committed,
              coalesce((SELECT sum(p.amount) FROM fund_pipeline p WHERE p.fund_id = f.id), 0)::text
                AS pipeline
         FROM funds f WHERE f.id = ANY($1::uuid[])`,
      [ids],
    );
    const warned: string[] = [];
    for (const fund of funds) {
      if (fund.percent === null) continue;
      const exposure = {
        allocated: BigInt(fund.allocated),
        committed: BigInt(fund.committed),
        pipeline: BigInt(fund.pipeline),
        added: BigInt(lines.find((line) => line.fundId === fund.id)!.amount),
        percent: fund.percent,
      };
      if (!crossesPipelineWarning(exposure)) continue;
      await tx.manager.query(
        `INSERT INTO outbox_events (type, aggregate_id, payload) VALUES ('fund.pipeline_warning', $1, $2::jsonb)`,
        [
          fund.id,
          JSON.stringify({
            threshold: fund.percent,
            exposureBasisPoints: basisPoints(
              exposure.committed + exposure.pipeline,
              exposure.allocated,
            ),
            committed: fund.committed,
            pipeline: fund.pipeline,
            nominationId,
          }),
        ],
      );
      warned.push(fund.id);
    }
    return warned;
  }

  /**
   * An override is finance's alone, over each fund it would apply to. Anyone else who sends
   * one is refused rather than ignored, so nobody believes a fund was let go when it was not.
   */
  async authorizeOverride(
    tx: WorkContext,
    override: Override | undefined,
    fundIds: string[],
  ): Promise<void> {
    if (!override) return;
    const outside = await this.fundsBeyondOverride(tx.manager, override.by, fundIds);
    if (outside.length) {
      throw new DomainError(
        'OVERRIDE_NOT_ALLOWED',
        'forbidden',
        'Only finance over a fund may let it go beyond its money; send no override reason.',
        { fundIds: outside },
      );
    }
  }

  /** Whether `by` may still override on every one of these funds. */
  async mayOverride(tx: WorkContext, by: Actor, fundIds: string[]): Promise<boolean> {
    return (await this.fundsBeyondOverride(tx.manager, by, fundIds)).length === 0;
  }

  private async fundsBeyondOverride(
    manager: EntityManager,
    by: Actor,
    fundIds: string[],
  ): Promise<string[]> {
    const owners = await this.ownerPaths(manager, fundIds);
    return fundIds.filter((fundId) => {
      const owner = owners.get(fundId);
      return owner === undefined || !financeOverFund(by, owner);
    });
  }

  /**
   * Funds the nomination did not reserve may take its actual cost only when finance over
   * them settles and their owner can pay for the nominee. Whether such a fund exists is not
   * told to anyone else: every refusal is the same.
   */
  private async assertMaySettleElsewhere(
    manager: EntityManager,
    fundIds: string[],
    settler: Settler | undefined,
  ): Promise<void> {
    if (!fundIds.length) return;
    const owners = await this.ownerPaths(manager, fundIds);
    for (const fundId of fundIds) {
      const owner = owners.get(fundId);
      const managed =
        settler !== undefined && owner !== undefined && financeOverFund(settler.actor, owner);
      if (!managed || !settler.nomineeUnitPath.startsWith(owner)) {
        throw new DomainError(
          'FUND_NOT_RESERVED',
          'unprocessable',
          managed
            ? `Fund ${fundId} cannot pay for this nominee: its owner is not the nominee's unit or above it.`
            : `Actual costs may be settled only on the funds this nomination reserved; fund ${fundId} is not one of them.`,
          {
            fundId,
            errors: [
              {
                field: 'actualCostLines',
                message: `fund ${fundId} was not reserved for this nomination`,
                code: 'FUND_NOT_RESERVED',
              },
            ],
          },
        );
      }
    }
  }

  /** The owner unit path of each fund that exists. */
  private async ownerPaths(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; path: string }> = ids.length
      ? await manager.query(
          `SELECT f.id, u.path FROM funds f JOIN units u ON u.id = f.owner_unit_id
            WHERE f.id = ANY($1::uuid[])`,
          [ids],
        )
      : [];
    return new Map(rows.map((row) => [row.id, row.path]));
  }
}

/** The ledger comment of a spend on a fund the nomination did not reserve. */
export const SETTLED_ELSEWHERE = 'settled instead of the reserved funds';

const FUND_COLUMNS = `id, code, status, policy, allocated::text, reserved::text, spent::text, available::text, thresholds`;

/** One line per fund, in id order: the lock order every operation follows. */
function byFund(lines: CostLine[]): CostLine[] {
  const totals = new Map<string, bigint>();
  for (const line of lines) totals.set(line.fundId, (totals.get(line.fundId) ?? 0n) + line.amount);
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([fundId, amount]) => ({ fundId, amount }));
}
