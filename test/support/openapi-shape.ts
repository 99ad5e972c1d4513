import type { HttpClient } from './http-client';

type Schema = Record<string, any>;

/**
 * Checks an answer against the schema the OpenAPI document gives for it: every required
 * member present, no member the schema does not name, types, `nullable`, `enum`, `format:
 * uuid` and nested objects and arrays. Returns the mismatches as `path: problem` lines.
 */
export function shapeProblems(
  document: Schema,
  schema: Schema,
  value: unknown,
  at = '$',
): string[] {
  if (schema.$ref) {
    const name = String(schema.$ref).replace('#/components/schemas/', '');
    return shapeProblems(document, document.components.schemas[name], value, at);
  }
  if (schema.allOf) {
    const merged = schema.allOf.map((part: Schema) => resolve(document, part));
    return shapeProblems(
      document,
      {
        type: 'object',
        properties: Object.assign({}, ...merged.map((part: Schema) => part.properties ?? {})),
        required: merged.flatMap((part: Schema) => part.required ?? []),
        nullable: schema.nullable,
      },
      value,
      at,
    );
  }
  if (value === null) return schema.nullable ? [] : [`${at}: null but not nullable`];
  if (schema.oneOf) {
    const fits = schema.oneOf.filter(
      (option: Schema) => shapeProblems(document, option, value, at).length === 0,
    );
    return fits.length ? [] : [`${at}: ${JSON.stringify(value)} fits none of oneOf`];
  }
  if (schema.enum && !schema.enum.includes(value)) {
    return [`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`];
  }
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      if (typeof value !== 'string') return [`${at}: expected a string, got ${typeof value}`];
      if (schema.format === 'uuid' && !/^[0-9a-f-]{36}$/i.test(value)) {
        return [`${at}: ${value} is not a uuid`];
      }
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
        return [`${at}: ${value} does not match ${schema.pattern}`];
      }
      return [];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: expected a number, got ${typeof value}`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: expected an integer, got ${value}`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: expected a boolean, got ${typeof value}`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: expected an array`];
      return value.flatMap((item, index) =>
        shapeProblems(document, schema.items ?? {}, item, `${at}[${index}]`),
      );
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object`];
      const properties: Schema = schema.properties ?? {};
      const record = value as Record<string, unknown>;
      const missing = (schema.required ?? [])
        .filter((name: string) => !(name in record))
        .map((name: string) => `${at}.${name}: missing`);
      const extra = schema.additionalProperties
        ? []
        : Object.keys(record)
            .filter((name) => !(name in properties))
            .map((name) => `${at}.${name}: not in the schema`);
      const nested = Object.entries(record)
        .filter(([name, item]) => name in properties && item !== undefined)
        .flatMap(([name, item]) =>
          shapeProblems(document, properties[name], item, `${at}.${name}`),
        );
      return [...missing, ...extra, ...nested];
    }
    default:
      return [];
  }
}

function resolve(document: Schema, schema: Schema): Schema {
  return schema.$ref
    ? document.components.schemas[String(schema.$ref).replace('#/components/schemas/', '')]
    : schema;
}

/** The JSON schema the document gives an operation's answer with `status`. */
export function responseSchema(
  document: Schema,
  method: string,
  path: string,
  status: number,
): Schema {
  const operation = document.paths[path]?.[method.toLowerCase()];
  const schema = operation?.responses?.[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`No ${status} JSON schema for ${method} ${path}`);
  return schema;
}

/** Reads the OpenAPI document once per stack and checks answers against it. */
export class OpenApiShapes {
  private document?: Schema;

  constructor(private readonly http: HttpClient) {}

  /** The mismatches between `body` and the documented answer of `method path` with `status`. */
  async problems(method: string, path: string, status: number, body: unknown): Promise<string[]> {
    this.document ??= (await this.http.get('/api/docs-json')).body as Schema;
    return shapeProblems(this.document, responseSchema(this.document, method, path, status), body);
  }
}
