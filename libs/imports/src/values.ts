import { toSearchName } from '@app/organization/vocabulary';

/** One cell as read from a CSV (always text) or an XLSX sheet (typed). */
export type Cell = string | number | boolean | Date | null;

/**
 * A parsed cell, or why not: a code of the error catalogue, English words, and the params
 * the catalogue's message for the code takes (the rendered cell as `value`, …).
 */
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: string; params: Record<string, string | number> };

export type CellParser<T> = (cell: Cell) => Parsed<T>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (
  code: string,
  message: string,
  params: Record<string, string | number>,
): Parsed<never> => ({ ok: false, code, message, params });

/** Header and keyword form: no diacritics, lower case, punctuation as single spaces. */
export function normalizeKeyword(text: string): string {
  return toSearchName(text)
    .replace(/[_\-./()*:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

const shown = (cell: Cell) =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : JSON.stringify(cell);

export const text: CellParser<string> = (cell) => {
  if (typeof cell === 'string') return ok(cell.trim().replace(/\s+/g, ' '));
  if (typeof cell === 'number' || typeof cell === 'boolean') return ok(String(cell));
  return fail('NOT_TEXT', `expected text, got ${shown(cell)}`, { value: shown(cell) });
};

/** Codes: text without spaces inside. */
export const code: CellParser<string> = (cell) => {
  const parsed = text(cell);
  if (!parsed.ok) return parsed;
  if (/\s/.test(parsed.value)) {
    return fail('CODE_HAS_SPACES', `code "${parsed.value}" has spaces`, { value: parsed.value });
  }
  return parsed;
};

const isoDate = (year: number, month: number, day: number): string | null => {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    year > 2100 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return date.toISOString().slice(0, 10);
};

/** 1899-12-30 is day 0 of spreadsheet serial dates. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** `YYYY-MM-DD`, `DD/MM/YYYY` (also with `.` or `-`), a spreadsheet date cell or date serial. */
export const date: CellParser<string> = (cell) => {
  let result: string | null = null;
  if (cell instanceof Date) {
    result = Number.isNaN(cell.getTime())
      ? null
      : isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  } else if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0) {
    const day = new Date(SERIAL_EPOCH + cell * 86_400_000);
    result = isoDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  } else if (typeof cell === 'string') {
    const value = cell.trim();
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
    const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
    if (iso) result = isoDate(+iso[1], +iso[2], +iso[3]);
    else if (local) result = isoDate(+local[3], +local[2], +local[1]);
  }
  return result
    ? ok(result)
    : fail('INVALID_DATE', `${shown(cell)} is not a date (YYYY-MM-DD or DD/MM/YYYY)`, {
        value: shown(cell),
      });
};

/** Looks a keyword up in a table of normalized names. */
export function oneOf<T>(names: Record<string, T>, expected: string): CellParser<T> {
  const table = new Map(
    Object.entries(names).map(([name, value]) => [normalizeKeyword(name), value]),
  );
  return (cell) => {
    const key =
      typeof cell === 'string' || typeof cell === 'number' ? normalizeKeyword(String(cell)) : '';
    return table.has(key)
      ? ok(table.get(key) as T)
      : fail('INVALID_VALUE', `${shown(cell)} is not one of ${expected}`, {
          value: shown(cell),
          expected,
        });
  };
}

const booleanNames = {
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
  có: true,
  không: false,
  x: true,
};

export const boolean: CellParser<boolean> = (cell) =>
  typeof cell === 'boolean' ? ok(cell) : oneOf(booleanNames, 'có/không, true/false, 1/0')(cell);

export const gender = oneOf<'female' | 'male'>(
  { nam: 'male', male: 'male', m: 'male', nữ: 'female', female: 'female', f: 'female' },
  'nam/nữ, male/female',
);

/**
 * A level on an ordinal scale: an integer from `min` to `max`, or one of its names
 * (e.g. "đại học" for education level 3). `bậc 4` reads as 4.
 */
export function level(
  min: number,
  max: number,
  names: Record<string, number> = {},
): CellParser<number> {
  const byName = new Map(
    Object.entries(names).map(([name, value]) => [normalizeKeyword(name), value]),
  );
  return (cell) => {
    let value: number | undefined;
    if (typeof cell === 'number') value = cell;
    else if (typeof cell === 'string') {
      const key = normalizeKeyword(cell).replace(/^(bac|level|cap) (?=\d+$)/, '');
      value = /^\d+$/.test(key) ? Number(key) : byName.get(key);
    }
    if (value === undefined || !Number.isInteger(value)) {
      const expected = [`${min}–${max}`, ...new Set(Object.keys(names))].join(', ');
      return fail('INVALID_VALUE', `${shown(cell)} is not one of ${expected}`, {
        value: shown(cell),
        expected,
      });
    }
    if (value < min || value > max) {
      return fail('OUT_OF_RANGE', `${value} is out of range ${min}–${max}`, { value, min, max });
    }
    return ok(value);
  };
}

export const EDUCATION_NAMES: Record<string, number> = {
  'trung cấp': 1,
  'cao đẳng': 2,
  'đại học': 3,
  'thạc sĩ': 4,
  'tiến sĩ': 5,
  intermediate: 1,
  college: 2,
  university: 3,
  master: 4,
  doctor: 5,
};

export const POLITICAL_THEORY_NAMES: Record<string, number> = {
  không: 0,
  'sơ cấp': 1,
  'trung cấp': 2,
  'cao cấp': 3,
  'cử nhân': 3,
  none: 0,
  elementary: 1,
  intermediate: 2,
  advanced: 3,
};
