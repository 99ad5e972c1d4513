import type { ErrorCode } from './index';

/** The HTTP statuses an error answer has. */
export type ProblemStatus =
  400 | 401 | 403 | 404 | 405 | 406 | 408 | 409 | 413 | 414 | 415 | 422 | 429 | 431 | 500 | 503;

/** What to tell a person, in Vietnamese and in English. */
export interface ErrorMessage {
  vi: string;
  en: string;
}

/**
 * One code of the catalogue. A code an answer carries as its top-level `code` has the
 * HTTP status it is answered with and a line for docs/errors.md saying when; a code that
 * only names a field, row or warning (`errors[].code`) has neither, and its meaning is
 * written in its context's `fieldSections`.
 */
export type ErrorEntry = ErrorMessage &
  ({ status: ProblemStatus; when: string } | { status?: never; when?: never });

export type ErrorEntries = Record<string, ErrorEntry>;

/** A table of docs/errors.md: field-level codes, a row per meaning (a row may name several). */
export interface FieldSection {
  title: string;
  rows: readonly {
    codes: readonly ErrorCode[];
    /** The row stands for a family of codes (the validation constraints) and says `…`. */
    more?: boolean;
    when: string;
  }[];
}

/** How docs/errors.md presents a context: its table of top-level codes, its field tables. */
export interface ErrorDocs {
  title: string;
  fieldSections?: readonly FieldSection[];
}
