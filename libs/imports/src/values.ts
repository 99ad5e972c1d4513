import type { ErrorCode } from '@app/common/errors';
import {
  CivilServiceRank,
  EducationLevel,
  FosteringRank,
  PoliticalTheory,
  toSearchName,
} from '@app/organization/vocabulary';
import {
  BOOLEAN_LABELS,
  CIVIL_SERVICE_RANK_LABELS,
  COUNTRY_LABELS,
  describeLabels,
  EDUCATION_LABELS,
  FOSTERING_RANK_LABELS,
  GENDER_LABELS,
  LabelTable,
  labelNames,
  LANGUAGE_LEVEL_LABELS,
  POLITICAL_THEORY_LABELS,
  scaleNames,
} from './labels';

/** One cell as read from a CSV (always text) or an XLSX sheet (typed). */
export type Cell = string | number | boolean | Date | null;

/**
 * A parsed cell, or why not: a code of the error catalogue, English words, and the params
 * the catalogue's message for the code takes (the rendered cell as `value`, …).
 */
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; code: ErrorCode; message: string; params: Record<string, string | number> };

export type CellParser<T> = (cell: Cell) => Parsed<T>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (
  code: ErrorCode,
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

/** A coded value by its code or one of its labels (see labels.ts); errors list them all. */
export function labelled<T extends string>(labels: LabelTable<T>): CellParser<T> {
  return oneOf(labelNames(labels), describeLabels(labels));
}

const booleanLabel = labelled(BOOLEAN_LABELS);

export const boolean: CellParser<boolean> = (cell) => {
  if (typeof cell === 'boolean') return ok(cell);
  const parsed = booleanLabel(cell);
  return parsed.ok ? ok(parsed.value === 'true') : parsed;
};

export const gender = labelled(GENDER_LABELS);

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

export const EDUCATION_NAMES = scaleNames(EducationLevel, EDUCATION_LABELS);
export const POLITICAL_THEORY_NAMES = scaleNames(PoliticalTheory, POLITICAL_THEORY_LABELS);
export const FOSTERING_RANK_NAMES = scaleNames(FosteringRank, FOSTERING_RANK_LABELS);
export const CIVIL_SERVICE_RANK_NAMES = scaleNames(CivilServiceRank, CIVIL_SERVICE_RANK_LABELS);
export const LANGUAGE_LEVEL_NAMES: Record<string, number> = Object.fromEntries(
  Object.entries(LANGUAGE_LEVEL_LABELS).flatMap(([step, labels]) =>
    labels.map((label) => [label, Number(step)]),
  ),
);

/** An integer from `min` to `max`, as a number cell or digits. */
export function integer(min: number, max: number): CellParser<number> {
  return (cell) => {
    const value =
      typeof cell === 'number'
        ? cell
        : typeof cell === 'string' && /^-?\d+$/.test(cell.trim())
          ? Number(cell.trim())
          : NaN;
    if (!Number.isInteger(value)) {
      return fail('INVALID_VALUE', `${shown(cell)} is not a whole number`, { value: shown(cell) });
    }
    if (value < min || value > max) {
      return fail('OUT_OF_RANGE', `${value} is out of range ${min}–${max}`, { value, min, max });
    }
    return ok(value);
  };
}

/** Whole VND fits a bigint column with room to add: at most 18 digits. */
const MAX_VND_DIGITS = 18;

/**
 * A whole, non-negative amount of VND as a digit string (money never goes through a float):
 * `1450000000`, `1.450.000.000`, `1,450,000,000` or `1 450 000 000`, optionally followed by
 * `đ`, `đồng` or `VND`. Decimals and negative amounts are refused, not rounded.
 */
export const vnd: CellParser<string> = (cell) => {
  let digits: string | null = null;
  if (typeof cell === 'number') {
    if (cell < 0) return fail('OUT_OF_RANGE', `${cell} VND is negative`, { value: cell, min: 0 });
    if (!Number.isSafeInteger(cell)) {
      return fail('INVALID_VALUE', `${cell} is not a whole number of VND`, { value: cell });
    }
    digits = String(cell);
  } else if (typeof cell === 'string') {
    const value = cell
      .trim()
      .replace(/\s*(vnđ|vnd|đồng|đ)$/i, '')
      .trim();
    if (/^-/.test(value)) {
      return fail('OUT_OF_RANGE', `${shown(cell)} is negative`, { value: shown(cell), min: 0 });
    }
    if (/^\d+$/.test(value)) digits = value;
    else {
      // Thousands grouped by one separator, each group of three digits.
      const grouped = /^\d{1,3}(?:([.,\u00a0 ])\d{3})(?:\1\d{3})*$/.exec(value);
      if (grouped) digits = value.replace(/\D/g, '');
    }
  }
  if (digits === null) {
    return fail(
      'INVALID_VALUE',
      `${shown(cell)} is not a whole number of VND (e.g. 1450000000 or 1.450.000.000)`,
      { value: shown(cell), expected: '1450000000, 1.450.000.000' },
    );
  }
  const normalized = digits.replace(/^0+(?=\d)/, '');
  if (normalized.length > MAX_VND_DIGITS) {
    return fail('OUT_OF_RANGE', `${shown(cell)} VND is too large`, { value: shown(cell) });
  }
  return ok(normalized);
};

/** Several values in one cell, separated by `,`, `;` or a line break; each one parsed. */
export function listOf<T>(parse: CellParser<T>): CellParser<T[]> {
  return (cell) => {
    if (typeof cell !== 'string') {
      const one = parse(cell);
      return one.ok ? ok([one.value]) : one;
    }
    const values: T[] = [];
    for (const part of cell.split(/[,;\n]/)) {
      if (!part.trim()) continue;
      const parsed = parse(part.trim());
      if (!parsed.ok) return parsed;
      if (!values.includes(parsed.value)) values.push(parsed.value);
    }
    return values.length
      ? ok(values)
      : fail('INVALID_VALUE', `${shown(cell)} lists nothing`, { value: shown(cell) });
  };
}

const countryName = oneOf(
  Object.fromEntries(
    Object.entries(COUNTRY_LABELS).flatMap(([code, labels]) =>
      labels.map((label) => [label, code]),
    ),
  ),
  '',
);

/** An ISO 3166-1 alpha-2 code (`VN`, `nz`) or a country's Vietnamese name. */
export const country: CellParser<string> = (cell) => {
  const named = countryName(cell);
  if (named.ok) return named;
  if (typeof cell === 'string' && /^[a-z]{2}$/i.test(cell.trim())) {
    return ok(cell.trim().toUpperCase());
  }
  const names = Object.values(COUNTRY_LABELS).flat().join(', ');
  return fail(
    'INVALID_VALUE',
    `${shown(cell)} is not a two-letter country code or one of ${names}`,
    { value: shown(cell), expected: names },
  );
};

/**
 * An open set of codes: one of the labelled ones by code or label, or any other
 * `snake_case` code (at most `maxLength` characters), stored as written.
 */
export function openLabelled<T extends string>(
  labels: LabelTable<T>,
  maxLength: number,
): CellParser<string> {
  const known = labelled(labels);
  return (cell) => {
    const parsed = known(cell);
    if (parsed.ok) return parsed;
    const value = typeof cell === 'string' ? cell.trim() : '';
    if (/^[a-z][a-z0-9_]*$/.test(value) && value.length <= maxLength) return ok(value);
    return fail(
      'INVALID_VALUE',
      `${shown(cell)} is not one of ${describeLabels(labels)}, nor a snake_case code`,
      { value: shown(cell), expected: describeLabels(labels) },
    );
  };
}
