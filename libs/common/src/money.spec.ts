import { basisPoints, toVnd } from './money';

describe('toVnd', () => {
  it('should keep large amounts exact', () => {
    expect(toVnd('140000000000')).toBe(140000000000n);
    expect(toVnd('999999999999999')).toBe(999999999999999n);
    expect(toVnd('0')).toBe(0n);
    expect(toVnd('-500000000')).toBe(-500000000n);
  });

  it.each(['', '1.5', '1e9', ' 12', '0x10', '1000000000000000', '١٢', '--1'])(
    'should refuse %j',
    (value) => {
      expect(() => toVnd(value)).toThrow(RangeError);
    },
  );

  it('should refuse a negative amount where only positive ones make sense', () => {
    expect(() => toVnd('-1', { allowNegative: false })).toThrow(RangeError);
  });

  it('should refuse numbers', () => {
    expect(() => toVnd(12 as unknown as string)).toThrow(RangeError);
  });
});

describe('basisPoints', () => {
  it('should round down and treat an empty fund as unused', () => {
    expect(basisPoints(2n, 3n)).toBe(6666);
    expect(basisPoints(5n, 0n)).toBe(0);
    expect(basisPoints(140_000_000_000n, 140_000_000_000n)).toBe(10000);
  });
});
