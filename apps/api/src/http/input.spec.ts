import { DomainError } from '@app/common';
import { cleanInput, parseJsonBody, parseQueryString } from './input';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

describe('cleanInput', () => {
  it('should normalize every string and key to NFC', () => {
    const nfd = 'Nguyễn Thị Hồng'.normalize('NFD');
    expect(cleanInput({ [nfd]: [nfd, { name: nfd }] }, 'body')).toEqual({
      'Nguyễn Thị Hồng': ['Nguyễn Thị Hồng', { name: 'Nguyễn Thị Hồng' }],
    });
  });

  it('should accept 32 levels and refuse 33', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 1 : { a: nest(levels - 1) });
    expect(codeOf(() => cleanInput(nest(32), 'body'))).toBeUndefined();
    expect(codeOf(() => cleanInput(nest(33), 'body'))).toBe('NESTING_TOO_DEEP');
  });

  it('should refuse NUL characters and lone surrogates, but keep surrogate pairs', () => {
    expect(codeOf(() => cleanInput({ a: 'x\0' }, 'body'))).toBe('INVALID_TEXT');
    expect(codeOf(() => cleanInput({ 'a\0': 'x' }, 'body'))).toBe('INVALID_TEXT');
    expect(codeOf(() => cleanInput({ a: '\udc00x' }, 'body'))).toBe('INVALID_TEXT');
    expect(codeOf(() => cleanInput({ a: 'x\ud800' }, 'body'))).toBe('INVALID_TEXT');
    expect(cleanInput({ a: '😀' }, 'body')).toEqual({ a: '😀' });
  });

  it('should name reserved keys as unknown fields with their path', () => {
    let error: DomainError | undefined;
    try {
      cleanInput({ a: [{ toString: 1 }] }, 'body');
    } catch (caught) {
      error = caught as DomainError;
    }
    expect(error?.details.errors).toEqual([
      expect.objectContaining({ field: 'a[0].toString', code: 'UNKNOWN_FIELD' }),
    ]);
  });
});

describe('parseJsonBody', () => {
  it('should refuse bytes that are not UTF-8 and bodies that are not objects', () => {
    expect(codeOf(() => parseJsonBody(Buffer.from([0x7b, 0xff, 0x7d])))).toBe('INVALID_TEXT');
    expect(codeOf(() => parseJsonBody(Buffer.from('null')))).toBe('BODY_NOT_OBJECT');
    expect(codeOf(() => parseJsonBody(Buffer.from('{')))).toBe('MALFORMED_BODY');
    expect(codeOf(() => parseJsonBody(Buffer.from(' ')))).toBe('MALFORMED_BODY');
  });

  it('should keep __proto__ from reaching a prototype', () => {
    expect(codeOf(() => parseJsonBody(Buffer.from('{"__proto__":{"admin":true}}')))).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('parseQueryString', () => {
  it('should read repeated names as a list, + as a space and UTF-8 escapes', () => {
    expect(parseQueryString('a=1&a=2&q=H%E1%BB%93ng+x&flag')).toEqual({
      a: ['1', '2'],
      q: 'Hồng x',
      flag: '',
    });
  });

  it('should refuse escapes that are malformed or not UTF-8', () => {
    expect(codeOf(() => parseQueryString('q=%FF'))).toBe('INVALID_TEXT');
    expect(codeOf(() => parseQueryString('q=%E1%BB'))).toBe('INVALID_TEXT');
    expect(codeOf(() => parseQueryString('q=%zz'))).toBe('INVALID_TEXT');
    expect(codeOf(() => parseQueryString('q=a%00'))).toBe('INVALID_TEXT');
  });
});
