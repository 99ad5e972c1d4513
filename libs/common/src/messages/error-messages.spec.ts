import { errorMessages } from './error-messages';

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
