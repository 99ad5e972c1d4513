import { DEFAULT_LANGUAGE, Language, LANGUAGES } from './fill-message';

/** More ranges than any browser sends are not read (a hostile header costs no more). */
const MAX_RANGES = 50;

const QUALITY = /^q=(0(\.\d{0,3})?|1(\.0{0,3})?)$/i;

function negotiate(header: string): Language {
  let best: Language = DEFAULT_LANGUAGE;
  let bestQuality = 0;
  let wildcard = -1;
  const quality = new Map<Language, number>();
  for (const range of header.split(',').slice(0, MAX_RANGES)) {
    const [tag, ...parameters] = range.split(';').map((part) => part.trim());
    const q = parameters.find((parameter) => /^q=/i.test(parameter));
    if (q !== undefined && !QUALITY.test(q)) continue;
    const value = q === undefined ? 1 : Number(q.slice(2));
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === '*') wildcard = Math.max(wildcard, value);
    const language = LANGUAGES.find((known) => known === primary);
    // The first range naming a language decides its quality (`en;q=0, en-GB` is an odd header).
    if (language && !quality.has(language)) quality.set(language, value);
  }
  // Ranges are weighed by quality; on a tie the one the caller listed first wins.
  for (const [language, value] of quality) {
    if (value > bestQuality) [best, bestQuality] = [language, value];
  }
  // A wildcard stands for the languages not named, of which Vietnamese comes first.
  if (wildcard > bestQuality && !quality.has(DEFAULT_LANGUAGE)) return DEFAULT_LANGUAGE;
  return bestQuality > 0 ? best : DEFAULT_LANGUAGE;
}

/**
 * The language to answer in, from an `Accept-Language` header: Vietnamese unless the caller
 * prefers English (quality values respected); a missing, malformed or other header is
 * Vietnamese.
 */
export function languageOf(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : header;
  return value ? negotiate(value) : DEFAULT_LANGUAGE;
}
