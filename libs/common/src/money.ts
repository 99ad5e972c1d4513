/**
 * Money is whole VND: `bigint` in code and database, a string of digits in JSON (a JS
 * number cannot hold every amount exactly). Up to 15 digits: hundreds of trillions.
 */
export const VND_PATTERN = /^\d{1,15}$/;
export const SIGNED_VND_PATTERN = /^-?\d{1,15}$/;

/** Parses a whole-VND string; anything else (a number, a decimal, 16 digits) is a RangeError. */
export function toVnd(value: string, { allowNegative = true } = {}): bigint {
  const pattern = allowNegative ? SIGNED_VND_PATTERN : VND_PATTERN;
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new RangeError(`Not an amount of whole VND: ${JSON.stringify(value)}`);
  }
  return BigInt(value);
}

export const vndToString = (value: bigint): string => value.toString();

/** TypeORM transformer for bigint columns: pg returns them as strings; code keeps bigint. */
export const vndColumn = {
  to: (value: bigint | null | undefined) =>
    value === null || value === undefined ? value : value.toString(),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};

/** The larger / smaller of two amounts (Math.max does not take bigint). */
export const maxVnd = (a: bigint, b: bigint): bigint => (a > b ? a : b);
export const minVnd = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** Utilization in basis points (1/100 of a percent), rounded down; 0 when nothing is allocated. */
export function basisPoints(part: bigint, whole: bigint): number {
  return whole <= 0n ? 0 : Number((part * 10000n) / whole);
}
