import { ApprovalPolicy, ChainFacts, matchingPolicy, resolveSteps } from './chain';

const policy = (priority: number, values: Partial<ApprovalPolicy>): ApprovalPolicy => ({
  id: `p${priority}`,
  priority,
  name: `policy ${priority}`,
  matchAuthorityId: null,
  matchTierId: null,
  matchCategories: null,
  matchOverseas: null,
  matchMinCost: null,
  steps: [{ role: 'board_reviewer', authority: 'managing' }],
  ...values,
});

const facts: ChainFacts = {
  managingAuthorityId: 'btv-nk',
  tierId: 'district',
  category: 'degree_master',
  overseas: false,
  estimatedCost: 150_000_000n,
  fundOwnerUnitIds: ['unit-nk', 'unit-ct', 'unit-nk'],
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
});
