import { Clock, organizationDay, organizationYear } from './clock';

describe('the organization calendar', () => {
  it('should read the day and year in Vietnam, not in UTC', () => {
    expect(organizationDay(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(organizationDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(organizationYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(organizationYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
  });

  it('should answer today and this year from the clock it is given', () => {
    const clock = new Clock();
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-12-31T23:30:00Z'));
    expect(clock.today()).toBe('2027-01-01');
    expect(clock.year()).toBe(2027);
  });

  it('should refuse an invalid instant', () => {
    expect(() => organizationDay(new Date('nonsense'))).toThrow(RangeError);
  });
});
