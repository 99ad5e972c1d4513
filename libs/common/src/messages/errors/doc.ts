import type { ErrorEntry, FieldSection } from './entry';
import { errorContexts, errorDocs } from './index';

/**
 * The tables of docs/errors.md, written from the catalogue: a table of top-level codes per
 * context (code, status, when), then the field-level tables. The prose around them is
 * written by hand; `npm run docs:errors` puts the tables between the two markers, and
 * doc.spec.ts fails when the file is not what the catalogue says.
 */
export const GENERATED_START =
  '<!-- The tables below are generated from libs/common/src/messages/errors by `npm run docs:errors`; edit the catalogue, not them. -->';
export const GENERATED_END = '<!-- End of the generated tables. -->';

const FIELD_LEVEL_INTRO =
  'Field-level codes appear in `errors[].code` of a `VALIDATION_FAILED`, `IMPORT_INVALID` or\n' +
  '`INVALID_COST_SPLIT` answer, one entry per problem, next to the `field` (or row and column) it is about.';

/** A markdown table as prettier lays it out: every column as wide as its widest cell. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, 3, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

function fieldTable(section: FieldSection): string {
  return table(
    ['code', 'when'],
    section.rows.map(({ codes, more, when }) => [
      codes.map((code) => `\`${code}\``).join(', ') + (more ? ', …' : ''),
      when,
    ]),
  );
}

/** The generated part of docs/errors.md, markers included. */
export function errorTables(): string {
  const parts: string[] = [GENERATED_START];
  const contexts = Object.keys(errorContexts) as (keyof typeof errorContexts)[];
  for (const context of contexts) {
    const entries: [string, ErrorEntry][] = Object.entries(errorContexts[context]);
    const rows = entries.flatMap(([code, entry]) =>
      entry.status ? [[`\`${code}\``, String(entry.status), entry.when]] : [],
    );
    if (rows.length) {
      parts.push(`## ${errorDocs[context].title}`, table(['code', 'status', 'when'], rows));
    }
  }
  parts.push('## Field-level codes', FIELD_LEVEL_INTRO);
  for (const context of contexts) {
    for (const section of errorDocs[context].fieldSections ?? []) {
      parts.push(`### ${section.title}`, fieldTable(section));
    }
  }
  parts.push(GENERATED_END);
  return parts.join('\n\n');
}

/** `doc` with its generated part replaced by the catalogue's tables. */
export function withErrorTables(doc: string): string {
  const start = doc.indexOf(GENERATED_START);
  const end = doc.indexOf(GENERATED_END);
  if (start < 0 || end < start) {
    throw new Error('docs/errors.md has lost the markers of its generated part.');
  }
  return doc.slice(0, start) + errorTables() + doc.slice(end + GENERATED_END.length);
}
