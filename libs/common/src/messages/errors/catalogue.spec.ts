import { STATUS_OF_KIND } from '../../domain-error';
import type { ErrorEntry } from './entry';
import { errorCatalogue, errorContexts, errorDocs, errorMessages } from './index';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((match) => match[1]).sort();

/** What a translator may get wrong: a placeholder in one language only, a bracket unclosed. */
describe('the error message catalogue', () => {
  const entries = Object.entries(errorMessages);

  it('should say every message in Vietnamese and English', () => {
    const bad = entries.filter(([, { vi, en }]) => !vi?.trim() || !en?.trim() || vi === en);
    expect(bad.map(([code]) => code)).toEqual([]);
  });

  it('should name codes in upper snake case', () => {
    expect(entries.map(([code]) => code).filter((code) => !/^[A-Z][A-Z0-9_]*$/.test(code))).toEqual(
      [],
    );
  });

  it('should use the same placeholders in both languages', () => {
    const differ = entries.filter(
      ([, { vi, en }]) => placeholders(vi).join() !== placeholders(en).join(),
    );
    expect(differ.map(([code]) => code)).toEqual([]);
  });

  it('should write placeholders and optional parts well-formed', () => {
    const wellFormed = (text: string) => {
      const outside = text.replace(/\[[^[\]]*\]/g, '');
      const withoutPlaceholders = text.replace(/\{\w+(?::amount)?\}/g, '');
      return !/[[\]]/.test(outside) && !/[{}]/.test(withoutPlaceholders);
    };
    const bad = entries.filter(([, { vi, en }]) => !wellFormed(vi) || !wellFormed(en));
    expect(bad.map(([code]) => code)).toEqual([]);
  });

  it('should keep Vietnamese diacritics as composed characters (NFC)', () => {
    const bad = entries.filter(([, { vi }]) => vi !== vi.normalize('NFC'));
    expect(bad.map(([code]) => code)).toEqual([]);
  });
});

/** What keeps the catalogue one: a code in one context, every code described once. */
describe('the error catalogue', () => {
  const contexts = Object.entries(errorContexts) as [string, Record<string, ErrorEntry>][];

  it('should keep each code in one context only', () => {
    const seen = new Map<string, string>();
    const twice = contexts.flatMap(([context, codes]) =>
      Object.keys(codes).flatMap((code) => {
        const first = seen.get(code);
        seen.set(code, context);
        return first ? [`${code}: ${first} and ${context}`] : [];
      }),
    );
    expect(twice).toEqual([]);
    const total = contexts.reduce((sum, [, codes]) => sum + Object.keys(codes).length, 0);
    expect(Object.keys(errorCatalogue)).toHaveLength(total);
  });

  it('should describe every field-level code in a table of field-level codes', () => {
    const described = new Set<string>(
      Object.values(errorDocs).flatMap(({ fieldSections = [] }) =>
        fieldSections.flatMap(({ rows }) => rows.flatMap(({ codes }) => codes)),
      ),
    );
    const entries: [string, ErrorEntry][] = Object.entries(errorCatalogue);
    const undescribed = entries.filter(([code, entry]) => !entry.status && !described.has(code));
    expect(undescribed.map(([code]) => code)).toEqual([]);
  });

  it('should say when each top-level code is answered', () => {
    const entries: [string, ErrorEntry][] = Object.entries(errorCatalogue);
    const silent = entries.filter(([, entry]) => entry.status && !entry.when?.trim());
    expect(silent.map(([code]) => code)).toEqual([]);
  });

  // A code passed on as a value (a parse refused in a worker thread) may be raised with any kind.
  it('should give every kind of domain error at least one code', () => {
    const statuses = new Set(
      Object.values(errorCatalogue).map((entry: ErrorEntry) => entry.status),
    );
    expect(Object.values(STATUS_OF_KIND).filter((status) => !statuses.has(status))).toEqual([]);
  });
});
