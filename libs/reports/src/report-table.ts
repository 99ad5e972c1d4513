/**
 * What every report exports: named tables of typed columns. JSON answers carry the report's
 * own shape; CSV and XLSX are drawn from these tables, so a column's type decides how a
 * spreadsheet shows it (numbers as numbers, dates as dates) and its header is what the
 * organization's spreadsheets call it (Vietnamese).
 */
export type ColumnType =
  /** Text as is. */
  | 'text'
  /** A whole number (JavaScript number). */
  | 'integer'
  /** Whole VND as a digit string (may exceed 2^53). */
  | 'money'
  /** A percentage in percent units as a number, e.g. 81.23. */
  | 'percent'
  /** A ratio as a number, e.g. 1.88. */
  | 'ratio'
  /** A calendar date, YYYY-MM-DD. */
  | 'date'
  /** Yes or no; exports write it as a word in the file's language ("Có"/"Không"). */
  | 'boolean';

/** The language of an export's headers and words. */
export type ExportLanguage = 'vi' | 'en';

/** How a yes/no cell reads in each language: words, never true/false. */
export const BOOLEAN_WORDS: Record<ExportLanguage, { yes: string; no: string }> = {
  vi: { yes: 'Có', no: 'Không' },
  en: { yes: 'Yes', no: 'No' },
};

export interface Column<R> {
  key: keyof R & string;
  header: string;
  type: ColumnType;
}

export interface ReportTable<R = Record<string, unknown>> {
  /** Sheet name and file-name suffix: lower-case letters, digits and dashes. */
  name: string;
  /** The sheet's title (Vietnamese). */
  title: string;
  columns: Array<Column<R>>;
  /** Rows in order; an async iterable streams them (large exports). */
  rows: R[] | AsyncIterable<R>;
}

/** A report as the API answers it: its JSON body, and the tables its exports are made of. */
export interface ReportResult<J = unknown> {
  /** File-name base, e.g. "training-summary". */
  name: string;
  /** The language of its headers, so of its words (default Vietnamese, as every report's today). */
  language?: ExportLanguage;
  json: J;
  // Each table has its own row type; the exporters only read the columns' keys.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tables: ReportTable<any>[];
}

/** Defines a table's columns once, typed against its rows. */
export const columns = <R>(...list: Array<Column<R>>): Array<Column<R>> => list;

/**
 * Streams rows of a keyset-paged query: `fetch(after)` answers the next page after the
 * last row's key (undefined at first), so a large export never holds more than a page.
 */
export async function* pagedRows<R>(
  fetch: (after: string | undefined) => Promise<R[]>,
  keyOf: (row: R) => string,
): AsyncIterable<R> {
  let after: string | undefined;
  for (;;) {
    const page = await fetch(after);
    yield* page;
    if (!page.length) return;
    after = keyOf(page[page.length - 1]);
  }
}
