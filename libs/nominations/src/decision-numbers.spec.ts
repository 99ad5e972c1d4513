import { formatDecisionNumber, meetingProblems } from './decision-numbers';

describe('decision numbers', () => {
  it('should number sequentially per authority and year, four digits at least', () => {
    expect(formatDecisionNumber(7, 'TU', 2026)).toBe('0007/QĐ-TU/2026');
    expect(formatDecisionNumber(12345, 'UBND-NK', 2027)).toBe('12345/QĐ-UBND-NK/2027');
  });
});

describe('the meeting of a batch of decisions', () => {
  const today = '2026-11-20';
  const codes = (meeting: { date: string; number?: string | null }, issueAs = 'separate') =>
    meetingProblems(meeting, issueAs as 'separate' | 'one_list', today).map((problem) => [
      problem.field,
      problem.code,
    ]);

  it('should take a meeting of today or earlier, with or without its number', () => {
    expect(codes({ date: today })).toEqual([]);
    expect(codes({ date: '2026-01-02', number: '12-BB/TU' })).toEqual([]);
    expect(codes({ date: today, number: 'Phiên 15' }, 'one_list')).toEqual([]);
  });

  it('should refuse a meeting after today', () => {
    expect(codes({ date: '2026-11-21' })).toEqual([['meetingDate', 'IN_FUTURE']]);
  });

  it('should refuse a blank or overlong number, and require one for a list decision', () => {
    expect(codes({ date: today, number: '  ' })).toEqual([['meetingNumber', 'BLANK']]);
    expect(codes({ date: today, number: 'x'.repeat(51) })).toEqual([['meetingNumber', 'TOO_LONG']]);
    expect(codes({ date: today }, 'one_list')).toEqual([['meetingNumber', 'REQUIRED']]);
    expect(codes({ date: '2026-12-01', number: null }, 'one_list')).toEqual([
      ['meetingDate', 'IN_FUTURE'],
      ['meetingNumber', 'REQUIRED'],
    ]);
  });
});
