import { parseVnd, subtractVnd, sumVnd } from '../../format/money';

/** A cost line as typed: a fund and an amount in the person's own writing. */
export interface CostLineInput {
  fundId?: string;
  amount?: string;
}

/** The learner's share an intake asks for: cost × percent / 100, rounded down, in whole VND. */
export function learnerShareOf(cost: string, percent: number): string {
  return ((BigInt(cost) * BigInt(Math.round(percent * 100))) / 10000n).toString();
}

/** amount × count on digit strings. */
export function timesVnd(amount: string, count: number): string {
  return (BigInt(amount) * BigInt(count)).toString();
}

/** What is split so far (fund lines plus the learner's share) and what is left to split. */
export function splitState(
  estimated: string,
  learnerShare: string | undefined,
  lines: CostLineInput[] | undefined,
) {
  const amounts = (lines ?? []).map((line) => parseVnd(line?.amount ?? '') ?? '0');
  const share = parseVnd(learnerShare ?? '') ?? '0';
  const split = sumVnd([...amounts, share]);
  const left = subtractVnd(estimated, split);
  return { split, left, balanced: left === '0' };
}
