import { ApprovalPolicy, ChainFacts, matchingPolicy, PayingFund, resolveSteps } from './chain';

const policy = (priority: number, values: Partial<ApprovalPolicy>): ApprovalPolicy => ({
  id: `p${priority}`,
  priority,
  name: `policy ${priority}`,
  matchAuthorityId: null,
  matchTierId: null,
  matchFundOwnerTierId: null,
  matchCategories: null,
  matchOverseas: null,
  matchMinCost: null,
  steps: [{ role: 'board_reviewer', authority: 'managing' }],
  ...values,
});

const fund = (ownerUnitId: string, amount: bigint, values: Partial<PayingFund> = {}) => ({
  ownerUnitId,
  ownerTierId: 'district',
  ownerTierLevel: 2,
  ownerCommitteeAuthorityId: `btv-${ownerUnitId}`,
  amount,
  ...values,
});
const cityFund = (amount: bigint) =>
  fund('unit-ct', amount, {
    ownerTierId: 'city',
    ownerTierLevel: 1,
    ownerCommitteeAuthorityId: 'btv-tu',
  });

const facts: ChainFacts = {
  managingAuthorityId: 'btv-nk',
  managingTierLevel: 2,
  tierId: 'district',
  category: 'degree_master',
  overseas: false,
  estimatedCost: 150_000_000n,
  funds: [fund('unit-nk', 50_000_000n), cityFund(60_000_000n), fund('unit-nk', 40_000_000n)],
};

describe('approval chains by policy', () => {
  it('should take the first matching policy by priority, whatever the stored order', () => {
    const policies = [
      policy(100, {}),
      policy(10, { matchOverseas: true }),
      policy(20, {
        matchMinCost: 100_000_000n,
        matchCategories: ['degree_master', 'degree_doctor'],
      }),
    ];
    expect(matchingPolicy(policies, facts)?.priority).toBe(20);
    expect(matchingPolicy([...policies].reverse(), facts)?.priority).toBe(20);
    expect(matchingPolicy(policies, { ...facts, overseas: true })?.priority).toBe(10);
    expect(matchingPolicy(policies, { ...facts, estimatedCost: 99_999_999n })?.priority).toBe(100);
  });

  it('should match every given condition and ignore empty ones', () => {
    const narrow = policy(1, { matchAuthorityId: 'btv-tu', matchTierId: 'district' });
    expect(matchingPolicy([narrow], facts)).toBeUndefined();
    expect(matchingPolicy([narrow], { ...facts, managingAuthorityId: 'btv-tu' })).toBe(narrow);
  });

  it('should match the paying fund owner tier when any paying fund is owned in that tier', () => {
    const cityMoney = policy(1, { matchFundOwnerTierId: 'city' });
    expect(matchingPolicy([cityMoney], facts)).toBe(cityMoney);
    expect(matchingPolicy([cityMoney], { ...facts, funds: [fund('unit-nk', 1n)] })).toBeUndefined();
    expect(matchingPolicy([cityMoney], { ...facts, funds: [] })).toBeUndefined();
  });

  it('should resolve authorities, one finance step per paying owner, and keep committee rules', () => {
    const chain = policy(1, {
      steps: [
        { role: 'board_reviewer', authority: 'managing' },
        { role: 'finance', authority: 'fund_owner' },
        {
          role: 'board_member',
          authority: 'named',
          authorityId: 'btv-tu',
          committee: { quorum: 'majority', veto: true },
        },
      ],
    });
    expect(resolveSteps(chain, facts)).toEqual([
      { position: 1, role: 'board_reviewer', authorityId: 'btv-nk', unitId: null, committee: null },
      { position: 2, role: 'finance', authorityId: null, unitId: 'unit-nk', committee: null },
      { position: 3, role: 'finance', authorityId: null, unitId: 'unit-ct', committee: null },
      {
        position: 4,
        role: 'board_member',
        authorityId: 'btv-tu',
        unitId: null,
        committee: { quorum: 'majority', veto: true },
      },
    ]);
  });

  describe("the paying owner's Standing Committee", () => {
    const withOwnerCommittee = policy(1, {
      steps: [
        { role: 'board_reviewer', authority: 'managing' },
        { role: 'board_member', authority: 'managing' },
        {
          role: 'board_member',
          authority: 'fund_owner',
          minFundAmount: '500000000',
          onlyHigherTier: true,
        },
      ],
    });
    const seats = (values: Partial<ChainFacts>) =>
      resolveSteps(withOwnerCommittee, { ...facts, ...values }).map((step) => [
        step.role,
        step.authorityId ?? step.unitId,
      ]);

    it('should add it when a higher-tier owner pays at or above the amount', () => {
      expect(seats({ funds: [cityFund(950_000_000n)] })).toEqual([
        ['board_reviewer', 'btv-nk'],
        ['board_member', 'btv-nk'],
        ['board_member', 'btv-tu'],
      ]);
      expect(seats({ funds: [cityFund(500_000_000n)] })).toHaveLength(3);
    });

    it('should add up the funds of one owner against the amount', () => {
      expect(seats({ funds: [cityFund(300_000_000n), cityFund(200_000_000n)] })).toHaveLength(3);
    });

    it('should leave it out below the amount, for an owner of the same tier, or for lower tiers', () => {
      expect(seats({ funds: [cityFund(499_999_999n)] })).toHaveLength(2);
      expect(seats({ funds: [fund('unit-pd', 900_000_000n)] })).toHaveLength(2);
      expect(
        seats({
          managingTierLevel: 1,
          managingAuthorityId: 'btv-tu',
          funds: [cityFund(9n ** 12n)],
        }),
      ).toHaveLength(2);
    });

    it('should fall back to the owner unit when it has no Standing Committee', () => {
      expect(
        seats({
          funds: [cityFund(600_000_000n)].map((f) => ({ ...f, ownerCommitteeAuthorityId: null })),
        })[2],
      ).toEqual(['board_member', 'unit-ct']);
    });

    it('should not repeat a seat the chain already has', () => {
      const sameOwner = policy(2, {
        steps: [
          { role: 'board_member', authority: 'managing' },
          { role: 'board_member', authority: 'fund_owner' },
        ],
      });
      expect(
        resolveSteps(sameOwner, { ...facts, funds: [fund('nk', 1n)] }).map((s) => s.authorityId),
      ).toEqual(['btv-nk']);
    });
  });
});
