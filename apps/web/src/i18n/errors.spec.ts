import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessages, fieldMessageOf } from './errors';
import { isErrorCode } from '../../../../libs/common/src/messages';

/**
 * Keeps the web app's error messages and docs/errors.md in step: every code the API
 * documents (top-level and field-level) has a message in both languages, and no message
 * is kept for a code the document no longer lists.
 */
const doc = readFileSync(join(__dirname, '../../../../docs/errors.md'), 'utf8');

/** Codes in the first column of the document's tables (a cell may list several). */
function documentedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const line of doc.split('\n')) {
    if (!line.startsWith('|')) continue;
    const firstCell = line.split('|')[1];
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) codes.add(match[1]);
  }
  return codes;
}

describe('error messages', () => {
  const documented = documentedCodes();
  const messages = Object.keys(errorMessages);

  it('reads the codes of docs/errors.md', () => {
    expect(documented.size).toBeGreaterThan(100);
    expect(documented).toContain('VALIDATION_FAILED');
    expect(documented).toContain('SPLIT_DOES_NOT_ADD_UP');
  });

  it('has a message for every documented code', () => {
    expect([...documented].filter((code) => !isErrorCode(code))).toEqual([]);
  });

  it('keeps no message for a code that is no longer documented', () => {
    expect(messages.filter((code) => !documented.has(code))).toEqual([]);
  });

  it('says each message in Vietnamese and English, as a sentence', () => {
    const bad = Object.entries(errorMessages).filter(
      ([, { vi, en }]) =>
        !vi.trim() || !en.trim() || vi === en || !/[.!?]$/.test(vi) || !/[.!?]$/.test(en),
    );
    expect(bad.map(([code]) => code)).toEqual([]);
  });

  it('falls back to a plain message for a field code it does not know', () => {
    expect(fieldMessageOf({ code: 'IS_HEXADECIMAL', message: 'must be hexadecimal' })).toBe(
      'Giá trị không hợp lệ.',
    );
    expect(fieldMessageOf({ code: 'REQUIRED' })).toBe(errorMessages.REQUIRED.vi);
  });

  it('fills a message with what the field problem carries, or leaves the optional part out', () => {
    expect(fieldMessageOf({ code: 'MISSING_COLUMN', column: 'birth_date' } as never)).toBe(
      'Thiếu cột bắt buộc birth_date.',
    );
    expect(fieldMessageOf({ code: 'MISSING_COLUMN' })).toBe('Thiếu cột bắt buộc.');
  });
});
