import { Ctx, forbidden } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { query } from '@app/database';
import { Injectable } from '@nestjs/common';
import { BudgetService } from './budget.service';
import { Fund, FundPolicy, FundSource } from './fund.entities';
import { fundScope, mayManageFunds } from './fund-scope';
import { fundNotFound, fundView, FundView } from './fund-view';

export interface NewFund {
  code: string;
  name: string;
  fiscalYear: number;
  ownerUnitId: string;
  source: FundSource;
  policy: FundPolicy;
  thresholds: number[];
  pipelineWarningPercent?: number | null;
  allocated: bigint;
}

export interface FundChanges {
  name?: string;
  policy?: FundPolicy;
  thresholds?: number[];
  pipelineWarningPercent?: number | null;
  status?: 'open' | 'closed';
}

/**
 * Training funds as finance changes them: creation with the first allocation, settings,
 * allocations and adjustments (always through BudgetService, under the fund's row lock),
 * each audited. A fund out of the caller's scope is a 404, a visible one the caller may not
 * change a 403. (Reads: FundQueries.)
 */
@Injectable()
export class FundsService {
  constructor(
    private readonly budget: BudgetService,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: Ctx, fields: NewFund): Promise<FundView> {
    const { actor } = ctx;
    if (!mayManageFunds(actor)) throw mayNotManage();
    return ctx.transaction(async (tx) => {
      const manager = tx.manager;
      const write = fundScope(actor, 'write');
      const [owner] = await query<{ writable: boolean }>(
        manager,
        `SELECT ${write.sql} AS writable FROM units ou WHERE ou.id = :ownerUnitId`,
        { ...write.params, ownerUnitId: fields.ownerUnitId },
      );
      if (!owner) {
        throw new DomainError('UNKNOWN_REFERENCE', 'unprocessable', 'The unit does not exist.', {
          errors: [{ field: 'ownerUnitId', message: 'No such unit', code: 'UNKNOWN_REFERENCE' }],
        });
      }
      if (!owner.writable) {
        throw forbidden('Finance may create funds only for units within its own scope.');
      }
      if (await manager.existsBy(Fund, { code: fields.code })) {
        throw new DomainError('CODE_TAKEN', 'conflict', `The code ${fields.code} is taken.`);
      }
      const { allocated, ...columns } = fields;
      const { identifiers } = await manager.insert(Fund, columns);
      const id = String(identifiers[0].id);
      await this.budget.allocate(tx, id, allocated, 'Initial allocation');
      const created = await fundView(tx, this.budget, id);
      await this.audit.record(tx, 'fund', id, null, auditable(created));
      return created;
    });
  }

  async update(ctx: Ctx, id: string, changes: FundChanges): Promise<FundView> {
    return ctx.transaction(async (tx) => {
      const manager = tx.manager;
      await lockForWrite(tx, id);
      const current = await fundView(tx, this.budget, id);
      if (changes.policy === 'stop' && current.policy !== 'stop' && current.available < 0n) {
        throw overdrawn(current);
      }
      const set: Partial<Fund> = {};
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.policy !== undefined) set.policy = changes.policy;
      if (changes.thresholds !== undefined) set.thresholds = changes.thresholds;
      if (changes.pipelineWarningPercent !== undefined) {
        set.pipelineWarningPercent = changes.pipelineWarningPercent;
      }
      if (changes.status !== undefined) set.status = changes.status;
      if (Object.keys(set).length) {
        try {
          await manager.update(Fund, { id }, set);
        } catch (error) {
          if (isCheckViolation(error, 'funds_stop_never_negative')) throw overdrawn(current);
          throw error;
        }
      }
      const saved = await fundView(tx, this.budget, id);
      await this.audit.record(tx, 'fund', id, auditable(current), auditable(saved));
      return saved;
    });
  }

  /** New money for a fund. */
  async allocate(ctx: Ctx, id: string, amount: bigint, comment: string | null): Promise<FundView> {
    return this.move(ctx, id, (tx) => this.budget.allocate(tx, id, amount, comment));
  }

  /** Raises or lowers the allocation, with a reason. */
  async adjust(ctx: Ctx, id: string, amount: bigint, reason: string): Promise<FundView> {
    return this.move(ctx, id, (tx) => this.budget.adjust(tx, id, amount, reason));
  }

  /** A money movement under the fund's row lock, audited with the balances before and after. */
  private async move(
    ctx: Ctx,
    id: string,
    movement: (tx: Ctx) => Promise<void>,
  ): Promise<FundView> {
    return ctx.transaction(async (tx) => {
      await lockForWrite(tx, id);
      const before = await fundView(tx, this.budget, id);
      await movement(tx);
      const after = await fundView(tx, this.budget, id);
      await this.audit.record(tx, 'fund', id, auditable(before), auditable(after));
      return after;
    });
  }
}

/**
 * Locks the fund row (funds only, not its unit) and checks the caller may change it:
 * unseen is 404, seen but not theirs 403.
 */
async function lockForWrite(tx: Ctx, id: string): Promise<void> {
  const read = fundScope(tx.actor, 'read');
  const write = fundScope(tx.actor, 'write');
  const [row] = await query<{ visible: boolean; writable: boolean }>(
    tx.manager,
    `SELECT ${read.sql} AS visible, ${write.sql} AS writable
       FROM funds f JOIN units ou ON ou.id = f.owner_unit_id
      WHERE f.id = :id
        FOR UPDATE OF f`,
    { ...read.params, ...write.params, id },
  );
  if (!row || !row.visible) throw fundNotFound(id);
  if (!row.writable) throw mayNotManage();
}

const mayNotManage = () =>
  forbidden('Only administrators and finance over the fund’s owner unit may change a fund.');

function overdrawn(fund: FundView): DomainError {
  return new DomainError(
    'FUND_OVERDRAWN',
    'conflict',
    `Fund ${fund.code} is overdrawn (${fund.available} VND available); it cannot take the stop policy until its balance is back to zero or above.`,
    { fundId: fund.id, fundCode: fund.code, available: fund.available.toString() },
  );
}

function isCheckViolation(error: unknown, constraint: string): boolean {
  const driver =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ??
    (error as { code?: string; constraint?: string });
  return driver?.code === '23514' && driver.constraint === constraint;
}

/** The audit trail keeps JSON: money as strings of digits. */
function auditable(fund: FundView): Record<string, unknown> {
  return {
    code: fund.code,
    name: fund.name,
    fiscalYear: fund.fiscalYear,
    ownerUnitId: fund.ownerUnitId,
    source: fund.source,
    policy: fund.policy,
    thresholds: fund.thresholds,
    pipelineWarningPercent: fund.pipelineWarningPercent,
    status: fund.status,
    allocated: fund.allocated.toString(),
    reserved: fund.reserved.toString(),
    spent: fund.spent.toString(),
    available: fund.available.toString(),
  };
}
