import { committeeOutcome, committeeRuleErrors, requiredApprovals } from './committee';

describe('committee decisions', () => {
  it('should need more than half for a majority', () => {
    expect(
      [1, 2, 3, 4, 5, 9].map((members) => requiredApprovals({ quorum: 'majority' }, members)),
    ).toEqual([1, 2, 2, 3, 3, 5]);
  });

  it('should decide at the quorum and not before', () => {
    const rule = { quorum: 'majority' as const };
    expect(committeeOutcome(rule, 5, { approve: 2, reject: 0 })).toBe('pending');
    expect(committeeOutcome(rule, 5, { approve: 3, reject: 0 })).toBe('approved');
    expect(committeeOutcome({ quorum: 4 }, 5, { approve: 3, reject: 1 })).toBe('pending');
    expect(committeeOutcome({ quorum: 4 }, 5, { approve: 4, reject: 1 })).toBe('approved');
  });

  it('should reject once the quorum can no longer be reached', () => {
    expect(committeeOutcome({ quorum: 'majority' }, 5, { approve: 2, reject: 3 })).toBe('rejected');
    expect(committeeOutcome({ quorum: 4 }, 5, { approve: 1, reject: 2 })).toBe('rejected');
    expect(committeeOutcome({ quorum: 4 }, 5, { approve: 3, reject: 1 })).toBe('pending');
  });

  it('should reject on a single rejection when a veto is configured', () => {
    expect(committeeOutcome({ quorum: 'majority', veto: true }, 5, { approve: 2, reject: 1 })).toBe(
      'rejected',
    );
    expect(
      committeeOutcome({ quorum: 'majority', veto: false }, 5, { approve: 2, reject: 1 }),
    ).toBe('pending');
  });

  it('should cap a count quorum at the number of members', () => {
    expect(committeeOutcome({ quorum: 7 }, 3, { approve: 3, reject: 0 })).toBe('approved');
  });

  it('should report every problem with a committee rule', () => {
    expect(committeeRuleErrors({ quorum: 'majority', veto: true })).toEqual([]);
    expect(committeeRuleErrors({ quorum: 0, veto: 'yes', size: 3 })).toEqual([
      'committee.quorum must be "majority" or an integer from 1 to 50',
      'committee.veto must be a boolean',
      'committee.size is not a committee setting',
    ]);
  });
});
