import { DelegationFacts, delegationInForce } from './nomination-access';

describe('delegationInForce', () => {
  const inForce: DelegationFacts = {
    startsOn: '2027-03-01',
    endsOn: '2027-03-07',
    revoked: false,
    fromUserActive: true,
    toUserActive: true,
    fromUserHoldsGrant: true,
  };

  it('should hold on its first and last day, both included', () => {
    expect(delegationInForce(inForce, '2027-03-01')).toBe(true);
    expect(delegationInForce(inForce, '2027-03-07')).toBe(true);
  });

  it('should not hold the day before it starts or the day after it ends', () => {
    expect(delegationInForce(inForce, '2027-02-28')).toBe(false);
    expect(delegationInForce(inForce, '2027-03-08')).toBe(false);
  });

  it.each([
    ['revoked', { revoked: true }],
    ['the delegator is inactive', { fromUserActive: false }],
    ['the delegate is inactive', { toUserActive: false }],
    ['the delegator no longer holds the grant', { fromUserHoldsGrant: false }],
  ])('should not hold when %s', (_, change) => {
    expect(delegationInForce({ ...inForce, ...change }, '2027-03-03')).toBe(false);
  });
});
