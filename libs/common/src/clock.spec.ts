import { Clock } from './clock';

describe('Clock', () => {
  it('should answer today and this year from the clock it is given', () => {
    const clock = new Clock();
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-12-31T23:30:00Z'));
    expect(clock.today()).toBe('2027-01-01');
    expect(clock.year()).toBe(2027);
  });
});
