import { errorMessages, type ErrorKind } from '@app/common';
import * as classValidator from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { statusOfKind } from './problem.filter';
import { constraintCode } from './validation';

/**
 * Keeps docs/errors.md and the code in step: every code an answer can carry is documented,
 * with the status its kind maps to, and nothing documented is a code the product no longer
 * produces. Codes are read from the source text, so a new `DomainError('X', …)` without a
 * line in the table fails here.
 */
const root = join(__dirname, '../../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'demo' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const sources = ['apps', 'libs'].flatMap((dir) => sourceFiles(join(root, dir)));
const text = sources.map((file) => ({
  file: relative(root, file),
  body: readFileSync(file, 'utf8'),
}));

/** Top-level codes, with the statuses the code raises them with (empty when not literal). */
function producedCodes(): Map<string, Set<number>> {
  const codes = new Map<string, Set<number>>();
  const add = (code: string, status?: number) => {
    const statuses = codes.get(code) ?? new Set<number>();
    if (status) statuses.add(status);
    codes.set(code, statuses);
  };
  for (const { body } of text) {
    for (const match of body.matchAll(
      /new DomainError\(\s*'([A-Z][A-Z0-9_]+)',\s*(?:'([a-z_]+)')?/g,
    )) {
      add(match[1], match[2] ? statusOfKind[match[2] as ErrorKind] : undefined);
    }
    // notFound('fund', id) raises FUND_NOT_FOUND; helpers are handed such codes as arguments.
    for (const match of body.matchAll(/\bnotFound\(\s*'([a-z_]+)'/g)) {
      add(`${match[1].toUpperCase()}_NOT_FOUND`, 404);
    }
    for (const match of body.matchAll(/'([A-Z][A-Z0-9_]*_NOT_FOUND)'/g)) add(match[1], 404);
  }
  // Codes the problem filter gives the framework's own failures.
  const filter = text.find(({ file }) => file.endsWith('http/problem.filter.ts'))!.body;
  for (const match of filter.matchAll(/code: '([A-Z][A-Z0-9_]+)'/g)) add(match[1]);
  for (const match of filter.matchAll(/(\d{3}): '([A-Z][A-Z0-9_]+)'/g)) {
    add(match[2], Number(match[1]));
  }
  for (const match of filter.matchAll(/'([A-Z][A-Z0-9_]+)'/g)) {
    if (codes.has(match[1])) continue;
    if (/^(ROUTE_NOT_FOUND|INTERNAL_ERROR)$/.test(match[1])) add(match[1]);
  }
  return codes;
}

/** Field-level codes: `errors[].code` inside a 400 answer. */
function fieldCodes(): Set<string> {
  const codes = new Set<string>();
  for (const { body } of text) {
    for (const match of body.matchAll(/\bcode: '([A-Z][A-Z0-9_]+)'/g)) {
      // Sort directions and Fastify's own error codes (FST_ERR_…) are not answer codes.
      if (!/^(ASC|DESC|FST_ERR_\w+)$/.test(match[1])) codes.add(match[1]);
    }
  }
  return codes;
}

const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8');
const documented = new Map(
  [...doc.matchAll(/^\| `([A-Z][A-Z0-9_]+)`\s*\| (\d{3})\s*\|/gm)].map((match) => [
    match[1],
    Number(match[2]),
  ]),
);

describe('docs/errors.md', () => {
  const produced = producedCodes();

  it('should document every code an error answer can carry', () => {
    const missing = [...produced.keys()].filter((code) => !documented.has(code)).sort();
    expect(missing).toEqual([]);
  });

  it('should give each code a status the code raises it with', () => {
    const wrong = [...produced]
      .filter(([code, statuses]) => {
        const status = documented.get(code);
        return status !== undefined && statuses.size > 0 && !statuses.has(status);
      })
      .map(([code, statuses]) => `${code}: ${documented.get(code)} vs ${[...statuses]}`);
    expect(wrong).toEqual([]);
  });

  it('should document no code that nothing produces', () => {
    const anywhere = text.map(({ body }) => body).join('\n');
    const stale = [...documented.keys()].filter(
      (code) => !produced.has(code) && !anywhere.includes(`'${code}'`),
    );
    expect(stale).toEqual([]);
  });

  it('should name every field-level code', () => {
    const missing = [...fieldCodes()]
      .filter((code) => !produced.has(code) && !doc.includes(`\`${code}\``))
      .sort();
    expect(missing).toEqual([]);
  });
});

/** Codes of the class-validator constraints the DTOs use, as `errors[].code` names them. */
function constraintCodes(): Set<string> {
  const names = new Set<string>();
  for (const { body } of text) {
    for (const match of body.matchAll(/import \{([^}]*)\} from 'class-validator'/g)) {
      for (const name of match[1].split(',')) names.add(name.trim());
    }
  }
  const validators = classValidator as unknown as Record<string, unknown>;
  class Probe {}
  for (const name of names) {
    const factory = validators[name];
    if (!/^(Is|Min|Max|Matches|Length|Array|Contains|Equals|NotEquals)/.test(name)) continue;
    if (typeof factory !== 'function' || name === 'IsOptional') continue;
    (factory as () => PropertyDecorator)()(Probe.prototype, name);
  }
  const codes = new Set(
    classValidator
      .getMetadataStorage()
      .getTargetValidationMetadatas(Probe, '', true, false)
      .flatMap((metadata) => (metadata.name ? [constraintCode(metadata.name)] : [])),
  );
  // Rules written with ValidateBy name their own constraint.
  for (const { body } of text) {
    for (const match of body.matchAll(/ValidateBy\(\{\s*name: '(\w+)'/g)) {
      codes.add(constraintCode(match[1]));
    }
  }
  return codes;
}

/** Row codes of imports: the parsers' and importers' upper-case literals with an underscore. */
function importRowCodes(): Set<string> {
  const codes = new Set<string>();
  for (const { file, body } of text) {
    if (!file.startsWith('libs/imports/')) continue;
    for (const match of body.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) {
      if (!match[1].startsWith('ERR_')) codes.add(match[1]);
    }
  }
  return codes;
}

describe('the error message catalogue (libs/common/src/messages/error-messages.ts)', () => {
  const missing = (codes: Iterable<string>) =>
    [...codes].filter((code) => !Object.hasOwn(errorMessages, code)).sort();

  it('should have a message for every top-level code an answer can carry', () => {
    expect(missing(producedCodes().keys())).toEqual([]);
  });

  it('should have a message for every field-level code in the source', () => {
    expect(missing(fieldCodes())).toEqual([]);
  });

  it('should have a message for every validation constraint a DTO uses', () => {
    const codes = constraintCodes();
    expect(codes).toContain('IS_UUID');
    expect(codes).toContain('IS_POSITIVE_DECIMAL');
    expect(codes).toContain('MAX_LENGTH');
    expect(codes).toContain('ARRAY_UNIQUE');
    expect(missing(codes)).toEqual([]);
  });

  it('should have a message for every row code of imports', () => {
    const codes = importRowCodes();
    expect(codes).toContain('UNKNOWN_POSITION');
    expect(missing(codes)).toEqual([]);
  });

  it('should have a message for every documented code', () => {
    expect(missing(documented.keys())).toEqual([]);
    const fieldLevel = doc.slice(doc.indexOf('## Field-level codes'));
    expect(
      missing(
        [...fieldLevel.matchAll(/^\| (.*?) \|/gm)].flatMap(([, cell]) =>
          [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1]),
        ),
      ),
    ).toEqual([]);
  });
});
