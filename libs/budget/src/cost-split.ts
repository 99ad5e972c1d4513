import type { FieldError } from '@app/common';
import type { FundSource } from './fund.entities';

export interface CostLine {
  fundId: string;
  amount: bigint;
}

/** A nomination's estimated cost: what each fund pays, and the learner's own share. */
export interface CostSplit {
  lines: CostLine[];
  learnerShare: bigint;
}

export interface SplitFund {
  id: string;
  code: string;
  status: 'open' | 'closed';
  source: FundSource;
  fiscalYear: number;
  ownerUnitPath: string;
}

export interface SplitContext {
  estimate: bigint;
  /** The year of the intake's start: the fiscal year that pays. */
  fiscalYear: number;
  allowedSources: FundSource[];
  /** The nominee's unit path: a fund may pay if its owner is that unit or above it. */
  nomineeUnitPath: string;
  funds: Map<string, SplitFund>;
}

/** Every problem with a cost split at once; empty when it is valid. */
export function validateCostSplit(split: CostSplit, context: SplitContext): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  split.lines.forEach((line, index) => {
    const field = `lines[${index}]`;
    if (line.amount <= 0n) {
      errors.push({
        field: `${field}.amount`,
        message: 'amount must be a positive whole VND amount',
        code: 'AMOUNT_NOT_POSITIVE',
      });
    }
    if (seen.has(line.fundId)) {
      errors.push({
        field: `${field}.fundId`,
        message: 'each fund appears once',
        code: 'DUPLICATE_FUND',
      });
    }
    seen.add(line.fundId);
    const fund = context.funds.get(line.fundId);
    if (!fund) {
      errors.push({ field: `${field}.fundId`, message: 'No such fund', code: 'UNKNOWN_FUND' });
      return;
    }
    if (fund.status !== 'open') {
      errors.push({
        field: `${field}.fundId`,
        message: `Fund ${fund.code} is closed`,
        code: 'FUND_CLOSED',
      });
    }
    if (!context.allowedSources.includes(fund.source)) {
      errors.push({
        field: `${field}.fundId`,
        message: `Fund ${fund.code} is ${fund.source}; the intake accepts ${context.allowedSources.join(', ')}`,
        code: 'SOURCE_NOT_ALLOWED',
      });
    }
    if (fund.fiscalYear !== context.fiscalYear) {
      errors.push({
        field: `${field}.fundId`,
        message: `Fund ${fund.code} is for ${fund.fiscalYear}; the intake starts in ${context.fiscalYear}`,
        code: 'WRONG_FISCAL_YEAR',
      });
    }
    if (!context.nomineeUnitPath.startsWith(fund.ownerUnitPath)) {
      errors.push({
        field: `${field}.fundId`,
        message: `Fund ${fund.code} belongs to an owner that does not cover the nominee's unit`,
        code: 'OWNER_NOT_ABOVE_NOMINEE',
      });
    }
  });
  if (split.learnerShare < 0n) {
    errors.push({
      field: 'learnerShare',
      message: 'learnerShare cannot be negative',
      code: 'AMOUNT_NEGATIVE',
    });
  }
  const total = split.lines.reduce((sum, line) => sum + line.amount, 0n) + split.learnerShare;
  if (total !== context.estimate) {
    errors.push({
      field: 'lines',
      message: `The lines and the learner's share add up to ${total} VND, not the estimate of ${context.estimate} VND`,
      code: 'SPLIT_DOES_NOT_ADD_UP',
    });
  }
  return errors;
}
