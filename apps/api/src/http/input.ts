import { DomainError, ErrorCode, FieldError } from '@app/common';

/** Objects and arrays nested deeper than this are refused before any transformation. */
export const MAX_NESTING_DEPTH = 32;
/** The most items one array in a request may hold. */
export const MAX_ARRAY_LENGTH = 10_000;

/**
 * Names that are never a field: the members every object inherits, and the keys that
 * reach a prototype. class-transformer drops them silently, so they are refused here
 * like any unknown field.
 */
const RESERVED_KEYS = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'constructor',
  'prototype',
]);

/** Where a value came from, to name it in errors: `body`, `query` or `params`. */
export type InputSource = 'body' | 'query' | 'params';

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function invalidText(errors: FieldError[]): DomainError {
  return new DomainError(
    'INVALID_TEXT',
    'invalid',
    'The request holds text that is not valid: a NUL character, a lone UTF-16 surrogate or bytes that are not UTF-8.',
    { errors },
  );
}

/** Decodes bytes as UTF-8, refusing anything that is not (never replaced by U+FFFD). */
export function decodeUtf8(bytes: Uint8Array, field: string): string {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    throw invalidText([{ field, message: `${field} is not valid UTF-8`, code: 'INVALID_UTF8' }]);
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The reason a string may not be stored, if any. */
function textProblem(text: string): { message: string; code: ErrorCode } | undefined {
  if (text.includes('\0')) return { message: 'contains a NUL character', code: 'NUL_CHARACTER' };
  if (LONE_SURROGATE.test(text)) {
    return { message: 'contains a lone UTF-16 surrogate', code: 'LONE_SURROGATE' };
  }
  return undefined;
}

const joinPath = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

/**
 * Checks and cleans a parsed request value (a body, the query or the path parameters)
 * in one pass, before anything else reads it:
 * - nesting deeper than {@link MAX_NESTING_DEPTH} → 400 NESTING_TOO_DEEP;
 * - an array longer than {@link MAX_ARRAY_LENGTH} → 400 ARRAY_TOO_LONG;
 * - a NUL character or a lone surrogate in a string or a key → 400 INVALID_TEXT;
 * - a reserved key (`__proto__`, `constructor`, `toString`, …) → 400 VALIDATION_FAILED with
 *   `UNKNOWN_FIELD`;
 * - every string and key is returned in Unicode NFC, so text compares and sorts one way.
 * The value returned is a copy; the recursion stops at the depth limit.
 */
export function cleanInput(value: unknown, source: InputSource): unknown {
  const unknownFields: FieldError[] = [];
  const badText: FieldError[] = [];

  const visit = (item: unknown, path: string, depth: number): unknown => {
    if (typeof item === 'string') {
      const problem = textProblem(item);
      if (problem) {
        const field = path || source;
        badText.push({ field, message: `${field} ${problem.message}`, code: problem.code });
        return item;
      }
      return item.normalize('NFC');
    }
    if (item === null || typeof item !== 'object') return item;
    if (depth >= MAX_NESTING_DEPTH) {
      throw new DomainError(
        'NESTING_TOO_DEEP',
        'invalid',
        `The ${source} nests objects or arrays more than ${MAX_NESTING_DEPTH} levels deep.`,
        { maxDepth: MAX_NESTING_DEPTH },
      );
    }
    if (Array.isArray(item)) {
      if (item.length > MAX_ARRAY_LENGTH) {
        throw new DomainError(
          'ARRAY_TOO_LONG',
          'invalid',
          `${path || `The ${source}`} has more than ${MAX_ARRAY_LENGTH} items.`,
          { field: path || source, maxItems: MAX_ARRAY_LENGTH },
        );
      }
      return item.map((element, index) => visit(element, `${path}[${index}]`, depth + 1));
    }
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(item)) {
      const field = joinPath(path, key);
      const problem = textProblem(key);
      if (problem) {
        badText.push({
          field,
          message: `the name of ${field} ${problem.message}`,
          code: problem.code,
        });
        continue;
      }
      if (RESERVED_KEYS.has(key)) {
        unknownFields.push({
          field,
          message: `property ${key} should not exist`,
          code: 'UNKNOWN_FIELD',
        });
        continue;
      }
      copy[key.normalize('NFC')] = visit((item as Record<string, unknown>)[key], field, depth + 1);
    }
    return copy;
  };

  const cleaned = visit(value, '', 0);
  if (badText.length) throw invalidText(badText);
  if (unknownFields.length) {
    throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
      errors: unknownFields,
    });
  }
  return cleaned;
}

/**
 * Parses a JSON body from its raw bytes: UTF-8 only (decoded fatally), then
 * {@link cleanInput}. The top level must be an object: `null`, arrays, strings and numbers
 * are 400 BODY_NOT_OBJECT.
 */
export function parseJsonBody(raw: Buffer): unknown {
  const text = decodeUtf8(raw, 'body');
  if (text.trim() === '') {
    throw new DomainError(
      'MALFORMED_BODY',
      'invalid',
      'The body cannot be empty when content-type is application/json.',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DomainError('MALFORMED_BODY', 'invalid', 'The request body is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DomainError('BODY_NOT_OBJECT', 'invalid', 'The request body must be a JSON object.');
  }
  return cleanInput(parsed, 'body');
}

const PERCENT_BYTE = /%([0-9a-fA-F]{2})/y;

/** Percent-decodes one query component to bytes, then to text as UTF-8 (fatally). */
function decodeComponent(component: string, field: string): string {
  if (!component.includes('%')) return component.replace(/\+/g, ' ');
  const bytes: number[] = [];
  for (let index = 0; index < component.length;) {
    const char = component[index];
    if (char === '%') {
      PERCENT_BYTE.lastIndex = index;
      const match = PERCENT_BYTE.exec(component);
      if (!match) {
        throw invalidText([
          { field, message: `${field} has a malformed percent escape`, code: 'INVALID_ENCODING' },
        ]);
      }
      bytes.push(parseInt(match[1], 16));
      index += 3;
      continue;
    }
    // The HTTP parser lets only ASCII through in a request target.
    bytes.push(char === '+' ? 0x20 : char.charCodeAt(0) & 0xff);
    index += 1;
  }
  return decodeUtf8(Uint8Array.from(bytes), field);
}

/**
 * Parses a query string (`a=1&a=2&b=x`) as the framework does (repeated names become an
 * array, `+` is a space), but refuses escapes that are not UTF-8, then {@link cleanInput}.
 */
export function parseQueryString(query: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (query) {
    for (const pair of query.split('&')) {
      if (!pair) continue;
      const equals = pair.indexOf('=');
      const rawKey = equals === -1 ? pair : pair.slice(0, equals);
      const key = decodeComponent(rawKey, 'query');
      const value = equals === -1 ? '' : decodeComponent(pair.slice(equals + 1), key);
      const existing = Object.prototype.hasOwnProperty.call(result, key) ? result[key] : undefined;
      if (existing === undefined) {
        Object.defineProperty(result, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else if (Array.isArray(existing)) existing.push(value);
      else result[key] = [existing, value];
    }
  }
  return cleanInput(result, 'query') as Record<string, unknown>;
}
