import { learnerShareOf, splitState, timesVnd } from './costs';

describe('cost split on digit strings', () => {
  it('takes the learner share rounded down', () => {
    expect(learnerShareOf('28500000', 10)).toBe('2850000');
    expect(learnerShareOf('1001', 50)).toBe('500');
    expect(learnerShareOf('99999999999999', 0)).toBe('0');
  });

  it('multiplies amounts beyond the float range exactly', () => {
    expect(timesVnd('900719925474099', 200)).toBe('180143985094819800');
  });

  it('says what is left to split', () => {
    expect(splitState('28500000', '2.850.000', [{ amount: '25.650.000' }])).toEqual({
      split: '28500000',
      left: '0',
      balanced: true,
    });
    expect(splitState('100', '', [{ amount: 'abc' }, { amount: '40' }]).left).toBe('60');
  });
});
