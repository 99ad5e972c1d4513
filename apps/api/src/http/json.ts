/** JSON has no bigint: amounts (whole VND) go out as strings of digits, everywhere. */
export function withAmountsAsStrings<T>(value: T): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(withAmountsAsStrings);
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, withAmountsAsStrings(item)]),
  );
}
