import { i18n } from './index';
import type { ApiError } from '../api/problem';
import {
  errorMessages,
  messageFor,
  type ErrorMessage,
  type Language,
} from '../../../../libs/common/src/messages';

/**
 * The messages for every problem `code` the API documents (docs/errors.md) live in one
 * catalogue shared with the API (libs/common/src/messages/errors/): the API
 * answers in the language the app asks for (`Accept-Language`), and the app says the same
 * words for the codes it maps itself, so they follow a change of language at once.
 */
export { errorMessages };

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/**
 * The message for an API error in the current language, filled with what the problem
 * carries; else the server's detail (already in the language the app asked for).
 */
export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const { code, detail, body } = error as ApiError;
    const known = messageFor(code, currentLanguage(), body ?? {});
    if (known) return known;
    if (detail) return detail;
  }
  if (error instanceof TypeError) return i18n.t('errors.network');
  return i18n.t('errors.generic');
}

/**
 * The message for one field problem (`errors[]` of a 400 or 422): the documented code's;
 * else the server's own words, which it filled with what only it knows (a row's value),
 * or, for a code the catalogue lacks, its English; else a plain "not valid".
 */
export function fieldMessageOf(problem: { code: string; message?: string }): string {
  const language = currentLanguage();
  const known = messageFor(problem.code, language, problem);
  if (known) return known;
  const catalogued = Object.hasOwn(errorMessages, problem.code);
  if (problem.message && (catalogued || language === 'en')) return problem.message;
  return NOT_VALID[language];
}

const NOT_VALID: ErrorMessage = { vi: 'Giá trị không hợp lệ.', en: 'Not valid.' };
