/**
 * Money arrives from the API as whole VND in a string of digits ("1450000000", "-5000").
 * It is shown and typed as text, never through a floating point number.
 */
const DIGITS = /^-?\d+$/;

/** "1450000000" → "1.450.000.000 ₫"; anything that is not whole VND is shown as given. */
export function formatVnd(amount: string | null | undefined, { unit = true } = {}): string {
  if (amount == null || amount === '') return '—';
  if (!DIGITS.test(amount)) return amount;
  const negative = amount.startsWith('-');
  const digits = (negative ? amount.slice(1) : amount).replace(/^0+(?=\d)/, '');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${unit ? ' ₫' : ''}`;
}

/** What a person typed ("1.450.000.000", "1 450 000 000 ₫") → "1450000000", or null. */
export function parseVnd(text: string): string | null {
  const cleaned = text.replace(/[\s.,₫đ]|VND/gi, '');
  if (!/^-?\d+$/.test(cleaned)) return null;
  const negative = cleaned.startsWith('-');
  const digits = (negative ? cleaned.slice(1) : cleaned).replace(/^0+(?=\d)/, '');
  return negative && digits !== '0' ? `-${digits}` : digits;
}

/** Exact sum of digit strings, with BigInt. */
export function sumVnd(amounts: Array<string | null | undefined>): string {
  return amounts
    .reduce<bigint>((sum, a) => (a && DIGITS.test(a) ? sum + BigInt(a) : sum), 0n)
    .toString();
}

/** a − b on digit strings. */
export function subtractVnd(a: string, b: string): string {
  return (BigInt(a) - BigInt(b)).toString();
}

/** Whether a digit string is below zero. */
export function isNegativeVnd(amount: string): boolean {
  return amount.startsWith('-') && amount !== '-0';
}

/** Share of `part` in `whole` as a percentage with one decimal, computed on integers. */
export function percentOf(part: string, whole: string): string {
  const w = BigInt(whole);
  if (w === 0n) return '—';
  const tenths = (BigInt(part) * 1000n) / w;
  const sign = tenths < 0n ? '-' : '';
  const abs = tenths < 0n ? -tenths : tenths;
  return `${sign}${abs / 10n},${abs % 10n} %`;
}
