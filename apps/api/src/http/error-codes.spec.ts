import { errorCatalogue, ErrorEntry, isErrorCode } from '@app/common';
import { HttpException } from '@nestjs/common';
import * as classValidator from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { toProblem } from './problem.filter';
import { constraintCode } from './validation';

/**
 * The compiler keeps the code and the catalogue (libs/common/src/messages/errors) in step
 * for every code written as a literal: `DomainError` and field errors take only catalogue
 * codes, with the kind of their status. What it cannot see is checked here from the source
 * text: the codes of class-validator constraints (built from their names), the codes the
 * HTTP layer gives each status, and catalogue codes nothing raises any more.
 */
const root = join(__dirname, '../../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'demo' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const catalogueDir = join('libs', 'common', 'src', 'messages', 'errors');
const text = ['apps', 'libs']
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .map((file) => ({ file: relative(root, file), body: readFileSync(file, 'utf8') }))
  .filter(({ file }) => !file.startsWith(catalogueDir) && !file.startsWith('apps/web/'));

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
  const codes = new Set<string>(
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
    // Constraints the validation pipe adds itself (`notNullable`).
    for (const match of body.matchAll(/\.constraints = \{ (\w+):/g)) {
      codes.add(constraintCode(match[1]));
    }
  }
  return codes;
}

describe('the error catalogue and the code', () => {
  const constraints = constraintCodes();

  it('should have a message for every validation constraint a DTO uses', () => {
    expect(constraints).toContain('IS_UUID');
    expect(constraints).toContain('IS_POSITIVE_DECIMAL');
    expect(constraints).toContain('MAX_LENGTH');
    expect(constraints).toContain('ARRAY_UNIQUE');
    expect(constraints).toContain('NOT_NULLABLE');
    expect([...constraints].filter((code) => !isErrorCode(code)).sort()).toEqual([]);
  });

  it('should keep no code that nothing raises', () => {
    const anywhere = text.map(({ body }) => body).join('\n');
    const stale = Object.keys(errorCatalogue).filter(
      (code) => !constraints.has(code) && !anywhere.includes(`'${code}'`),
    );
    expect(stale).toEqual([]);
  });

  it.each([400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429, 503])(
    'should answer a framework failure of status %i with a code of that status',
    (status) => {
      const { code } = toProblem(new HttpException('x', status));
      expect(isErrorCode(code) && (errorCatalogue[code] as ErrorEntry).status).toBe(status);
    },
  );

  it('should answer an unknown route and a defect with their codes and statuses', () => {
    const route = toProblem(new HttpException('Cannot GET /api/v1/nothing', 404));
    expect(route).toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404 });
    expect(errorCatalogue.ROUTE_NOT_FOUND.status).toBe(404);
    const defect = toProblem(new Error('boom'));
    expect(defect).toMatchObject({ code: 'INTERNAL_ERROR', status: 500 });
    expect(errorCatalogue.INTERNAL_ERROR.status).toBe(500);
  });
});
