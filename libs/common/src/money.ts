/**
 * Money is whole VND: `bigint` in code and database, a string of digits in JSON (a JS
 * number cannot hold every amount exactly). Up to 15 digits: hundreds of trillions.
 */
export const VND_PATTERN = /^\d{1,15}$/;
export const SIGNED_VND_PATTERN = /^-?\d{1,15}$/;

export function toVnd(value: string): bigint {
  if (!SIGNED_VND_PATTERN.test(value)) throw new RangeError(`Not a whole VND amount: ${value}`);
  return BigInt(value);
}

export const vndToString = (value: bigint): string => value.toString();

/** The larger / smaller of two amounts (Math.max does not take bigint). */
export const maxVnd = (a: bigint, b: bigint): bigint => (a > b ? a : b);
export const minVnd = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** Utilization in basis points (1/100 of a percent), rounded down; 0 when nothing is allocated. */
export function basisPoints(part: bigint, whole: bigint): number {
  return whole <= 0n ? 0 : Number((part * 10000n) / whole);
}
