import { knownSeatOf, policyStepErrors } from './policy-rules';

const authorities = new Map([
  ['btv-tu', { id: 'btv-tu', active: true }],
  ['old', { id: 'old', active: false }],
]);

describe('approval policy rules', () => {
  it('should accept the seeded chains', () => {
    expect(
      policyStepErrors(
        [
          { role: 'board_reviewer', authority: 'managing' },
          { role: 'finance', authority: 'fund_owner', minFundAmount: '0' },
          { role: 'board_member', authority: 'named', authorityId: 'btv-tu' },
          {
            role: 'board_member',
            authority: 'fund_owner',
            minFundAmount: '500000000',
            onlyHigherTier: true,
            committee: { quorum: 'majority', veto: true },
          },
        ],
        authorities,
      ),
    ).toEqual([]);
  });

  it('should name every problem at its step field with a stable code', () => {
    const errors = policyStepErrors(
      [
        { role: 'board_reviewer', authority: 'named' },
        { role: 'board_member', authority: 'named', authorityId: 'gone' },
        { role: 'board_member', authority: 'named', authorityId: 'old' },
        { role: 'finance', authority: 'managing', authorityId: 'btv-tu', onlyHigherTier: true },
        { role: 'board_member', authority: 'managing', committee: { quorum: 0 } },
      ],
      authorities,
    );
    expect(errors.map(({ field, code }) => [field, code])).toEqual([
      ['steps[0].authorityId', 'AUTHORITY_REQUIRED'],
      ['steps[1].authorityId', 'UNKNOWN_AUTHORITY'],
      ['steps[2].authorityId', 'AUTHORITY_INACTIVE'],
      ['steps[3].authorityId', 'NOT_APPLICABLE'],
      ['steps[3].onlyHigherTier', 'NOT_APPLICABLE'],
      ['steps[4].committee', 'INVALID_COMMITTEE'],
    ]);
  });

  it('should know where a step sits only when the policy says it', () => {
    expect(
      knownSeatOf({ role: 'board_member', authority: 'named', authorityId: 'a' }, null),
    ).toEqual({ authorityId: 'a' });
    expect(knownSeatOf({ role: 'board_member', authority: 'managing' }, 'm')).toEqual({
      authorityId: 'm',
    });
    expect(knownSeatOf({ role: 'board_member', authority: 'managing' }, null)).toBeNull();
    expect(knownSeatOf({ role: 'finance', authority: 'fund_owner' }, 'm')).toBeNull();
  });
});
