/** A fund's allocation and what is already committed against it (reserved or spent). */
export interface FundBalances {
  allocated: bigint;
  reserved: bigint;
  spent: bigint;
}

/** The ledger movement that brings a fund's allocation to a target, or why it cannot. */
export type AllocationMove =
  | { kind: 'none' }
  | { kind: 'allocation' | 'adjustment'; amount: bigint }
  | { kind: 'refused'; committed: bigint };

/**
 * Setting an allocation to a total (as an import does): more money is an allocation, less
 * is a negative adjustment, and never below what is reserved and spent, whatever the
 * fund's policy, so that setting a total can never overdraw a fund.
 */
export function moveAllocationTo(fund: FundBalances, target: bigint): AllocationMove {
  const committed = fund.reserved + fund.spent;
  if (target < committed) return { kind: 'refused', committed };
  const amount = target - fund.allocated;
  if (amount === 0n) return { kind: 'none' };
  return amount > 0n ? { kind: 'allocation', amount } : { kind: 'adjustment', amount };
}
