import { moveAllocationTo } from './allocation-target';

describe('moveAllocationTo', () => {
  const fund = { allocated: 1_000n, reserved: 300n, spent: 200n };

  it('should allocate the difference when the total rises', () => {
    expect(moveAllocationTo(fund, 1_500n)).toEqual({ kind: 'allocation', amount: 500n });
  });

  it('should adjust down by the difference when the total falls to what is committed', () => {
    expect(moveAllocationTo(fund, 500n)).toEqual({ kind: 'adjustment', amount: -500n });
  });

  it('should move nothing when the total is the same', () => {
    expect(moveAllocationTo(fund, 1_000n)).toEqual({ kind: 'none' });
  });

  it('should refuse a total below what is reserved and spent', () => {
    expect(moveAllocationTo(fund, 499n)).toEqual({ kind: 'refused', committed: 500n });
  });
});
