import { errorMessages, isErrorCode } from './errors';

/** The languages the product speaks; Vietnamese first, as the organization does. */
export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];
export const DEFAULT_LANGUAGE: Language = 'vi';

/** What an error carries to fill its message: `details`, a field error's params, a row. */
export type MessageParams = Readonly<Record<string, unknown>>;

const PLACEHOLDER = /\{(\w+)(?::(amount))?\}/g;
const OPTIONAL = /\[([^[\]]*)\]/g;
const GROUP_SEPARATOR: Record<Language, string> = { vi: '.', en: ',' };

function shown(value: unknown, format: string | undefined, language: Language): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : null;
  if (typeof value === 'object') return null;
  const text = String(value);
  // Money and counts of VND: whole numbers grouped by thousands the reader's way.
  if (format === 'amount' && /^-?\d+$/.test(text)) {
    return text.replace(/\B(?=(\d{3})+$)/g, GROUP_SEPARATOR[language]);
  }
  return text;
}

function fill(text: string, params: MessageParams, language: Language): string | null {
  let complete = true;
  const filled = text.replace(PLACEHOLDER, (_match, name: string, format?: string) => {
    const value = Object.hasOwn(params, name) ? shown(params[name], format, language) : null;
    if (value === null) complete = false;
    return value ?? '';
  });
  return complete ? filled : null;
}

/**
 * Fills a catalogue message: `{name}` takes `params.name` (`{name:amount}` groups its
 * digits), and a part in `[…]` is left out when a placeholder inside it has no value.
 * Undefined when a placeholder outside `[…]` has no value: the caller has better words.
 */
export function fillMessage(
  template: string,
  params: MessageParams,
  language: Language,
): string | undefined {
  const withOptional = template.replace(OPTIONAL, (_match, part: string) => {
    return fill(part, params, language) ?? '';
  });
  return fill(withOptional, params, language) ?? undefined;
}

/** The catalogue's message for `code` in `language`, filled; undefined for an unknown code. */
export function messageFor(
  code: string,
  language: Language,
  params: MessageParams = {},
): string | undefined {
  return isErrorCode(code)
    ? fillMessage(errorMessages[code][language], params, language)
    : undefined;
}
