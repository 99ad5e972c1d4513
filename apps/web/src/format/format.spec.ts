import { formatDay, formatInstant, parseDay } from './date';
import { formatVnd, parseVnd, percentOf, sumVnd } from './money';

describe('money formatting', () => {
  it('groups whole VND with dots, exactly, beyond the float range', () => {
    expect(formatVnd('1450000000')).toBe('1.450.000.000 ₫');
    expect(formatVnd('0')).toBe('0 ₫');
    expect(formatVnd('-5000')).toBe('-5.000 ₫');
    expect(formatVnd('123456789012345678901')).toBe('123.456.789.012.345.678.901 ₫');
    expect(formatVnd('999', { unit: false })).toBe('999');
    expect(formatVnd(null)).toBe('—');
  });

  it('reads what people type back into digit strings', () => {
    expect(parseVnd('1.450.000.000')).toBe('1450000000');
    expect(parseVnd('1 450 000 000 ₫')).toBe('1450000000');
    expect(parseVnd('007')).toBe('7');
    expect(parseVnd('1,5')).toBe('15');
    expect(parseVnd('abc')).toBeNull();
    expect(parseVnd('')).toBeNull();
  });

  it('adds and divides on integers', () => {
    expect(sumVnd(['9007199254740993', '1', null])).toBe('9007199254740994');
    expect(percentOf('1', '3')).toBe('33,3 %');
    expect(percentOf('5', '0')).toBe('—');
  });
});

describe('date formatting', () => {
  it('shows days as dd/MM/yyyy in the organization time zone', () => {
    expect(formatDay('2026-12-05')).toBe('05/12/2026');
    // 18:00 UTC on the 5th is already the 6th in Hanoi.
    expect(formatDay('2026-12-05T18:00:00Z')).toBe('06/12/2026');
    expect(formatInstant('2026-12-05T07:30:00Z')).toBe('05/12/2026 14:30');
    expect(parseDay('5/12/2026')).toBe('2026-12-05');
    expect(parseDay('31/02/2026')).toBeNull();
  });
});
