import { DomainError, ErrorCode, FieldError } from '@app/common';
import { ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  getMetadataStorage,
  isISO8601,
  IsOptional,
  Matches,
  ValidateBy,
  ValidationTypes,
  ValidatorOptions,
} from 'class-validator';

/** Flattens class-validator's tree into `{ field: 'a.b[0].c', message, code }` entries. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message,
      code: constraint === 'whitelistValidation' ? 'UNKNOWN_FIELD' : constraintCode(constraint),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * The code of a class-validator constraint: its name in upper snake case (`isUuid` →
 * `IS_UUID`). Built from the name, so the compiler cannot check it; error-codes.spec.ts
 * checks that every constraint a DTO uses has its code in the catalogue.
 */
export function constraintCode(constraint: string): ErrorCode {
  // class-validator's word for a nested value that is not an object (`[null]`, `["x"]`).
  if (constraint === 'nestedValidation') return 'IS_OBJECT';
  return constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase() as ErrorCode;
}

const IS_NULLABLE = 'isNullable';

/**
 * A field that may be sent as `null` (to clear it) as well as left out. Every other field
 * refuses `null` with `NOT_NULLABLE`, whether or not it is optional.
 */
export function Nullable(): PropertyDecorator {
  return (target, property) => {
    IsOptional()(target, property);
    // A marker only: IsOptional skips the field's rules when it is null.
    ValidateBy({ name: IS_NULLABLE, validator: { validate: () => true } })(target, property);
  };
}

type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>;

const isObjectLike = (value: unknown): value is object =>
  typeof value === 'object' && value !== null;

/** The error node for `property` among `errors`, created (and added) when first needed. */
function nodeFor(
  errors: ValidationError[],
  property: string,
): ValidationError & { children: ValidationError[] } {
  let node = errors.find((error) => error.property === property);
  if (!node) {
    node = { property, children: [] };
    errors.push(node);
  }
  node.children ??= [];
  return node as ValidationError & { children: ValidationError[] };
}

const hasOwnError = (errors: ValidationError[], property: string) =>
  errors.some(
    (error) => error.property === property && Object.keys(error.constraints ?? {}).length > 0,
  );

/**
 * The rules class-validator leaves out, added to its errors in place:
 * - `null` is refused unless the field is {@link Nullable} (an optional field would
 *   otherwise let it through to the database);
 * - a field validated as a nested object must hold an object, or, when it holds a list,
 *   objects: an array in their place (`"items": [[]]`) is refused with `IS_OBJECT`.
 */
function addShapeErrors(object: object, errors: ValidationError[]): void {
  // Request values are trees (parsed JSON, at most 32 levels deep), so no cycle to guard.
  if (typeof object.constructor !== 'function') return;
  const metadatas: Metadata = getMetadataStorage().getTargetValidationMetadatas(
    object.constructor,
    '',
    false,
    false,
  );
  for (const property of Object.keys(object)) {
    if (property === 'constructor') continue;
    const value = (object as Record<string, unknown>)[property];
    const rules = metadatas.filter((metadata) => metadata.propertyName === property);
    if (value === null) {
      if (!rules.some((rule) => rule.name === IS_NULLABLE) && !hasOwnError(errors, property)) {
        nodeFor(errors, property).constraints = { notNullable: `${property} must not be null` };
      }
      continue;
    }
    const nested = rules.find((rule) => rule.type === ValidationTypes.NESTED_VALIDATION);
    if (!nested || !isObjectLike(value) || hasOwnError(errors, property)) continue;
    const items = Array.isArray(value) ? value : undefined;
    if (!items) {
      addShapeErrors(value, nodeFor(errors, property).children);
      continue;
    }
    if (!nested.each) {
      nodeFor(errors, property).constraints = { isObject: `${property} must be an object` };
      continue;
    }
    items.forEach((item, index) => {
      const children = nodeFor(errors, property).children;
      if (Array.isArray(item)) {
        if (!hasOwnError(children, String(index))) {
          nodeFor(children, String(index)).constraints = {
            isObject: `each item of ${property} must be an object`,
          };
        }
      } else if (isObjectLike(item)) {
        addShapeErrors(item, nodeFor(children, String(index)).children);
      }
    });
  }
}

/** Drops the error nodes, at any depth, that hold no constraint (created on the way). */
function prune(errors: ValidationError[]): void {
  for (let index = errors.length - 1; index >= 0; index--) {
    const error = errors[index];
    if (error.children) prune(error.children);
    if (!Object.keys(error.constraints ?? {}).length && !error.children?.length) {
      errors.splice(index, 1);
    }
  }
}

/** The global pipe: class-validator, then the rules it leaves out ({@link addShapeErrors}). */
class InputValidationPipe extends ValidationPipe {
  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    const errors = [...(await super.validate(object, validatorOptions))];
    addShapeErrors(object, errors);
    prune(errors);
    return errors;
  }
}

/**
 * Every DTO is validated, unknown fields are refused, and payloads are turned into
 * their DTO classes. All problems are reported at once.
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
        errors: flattenValidationErrors(errors),
      }),
  });
}

/** A path parameter that must be a UUID; anything else is a VALIDATION_FAILED problem. */
export function uuidPipe(field = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
        errors: [{ field, message: `${field} must be a UUID`, code: 'IS_UUID' }],
      }),
  });
}

const RECORD_CODE = /^[A-Za-z0-9._-]{1,40}$/;

/** The code of a record (unit, position, programme, fund, …): 1–40 letters, digits, `.`, `_`, `-`. */
export const IsRecordCode = () =>
  Matches(RECORD_CODE, { message: 'code must be 1–40 letters, digits, ".", "_" or "-"' });

/** Query strings carry booleans as text: `?active=true|false`. Use with `@Transform`. */
export const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/**
 * An integer written in a query string one way, decimal digits without a leading zero:
 * `01`, `1e3`, `0x10`, `" 1"`, `-1` and `1.0` stay text and fail `@IsInt()`. A number (in
 * a JSON body) passes unchanged.
 */
export const QueryInteger = () =>
  Transform(({ value }) =>
    typeof value === 'string' && /^(0|[1-9][0-9]*)$/.test(value) ? Number(value) : value,
  );

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day written `YYYY-MM-DD` that exists: the one rule for every date field. A
 * value not written that way (`20260101`, `2026-01-01 `) fails with `MATCHES`; a day that
 * does not exist (`2026-02-30`) with `IS_ISO8601`; each value gets one error.
 */
export function IsDay(): PropertyDecorator {
  return (target, property) => {
    const name = String(property);
    ValidateBy({
      name: 'matches',
      validator: {
        validate: (value) => typeof value === 'string' && DAY.test(value),
        defaultMessage: () => `${name} must be a date YYYY-MM-DD`,
      },
    })(target, property);
    ValidateBy({
      name: 'isIso8601',
      validator: {
        validate: (value) =>
          typeof value !== 'string' ||
          !DAY.test(value) ||
          isISO8601(value, { strict: true, strictSeparator: true }),
        defaultMessage: () => `${name} must be a day that exists`,
      },
    })(target, property);
  };
}

/** An instant: `YYYY-MM-DDTHH:MM[:SS[.ffffff]]` with `Z` or an offset up to ±14:00. */
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)$/;

/**
 * An instant written one way, that Postgres reads as it is meant: a date and time with its
 * offset (`2026-12-05T10:26:00+07:00`). ISO 8601's other forms (week dates, ordinal dates,
 * a bare year, an hour without minutes, a comma for the fraction) are refused.
 */
export function IsInstant(): PropertyDecorator {
  return (target, property) => {
    const name = String(property);
    ValidateBy({
      name: 'isIso8601',
      validator: {
        validate: (value) => {
          const match = typeof value === 'string' ? INSTANT.exec(value) : null;
          return match !== null && isISO8601(match[1], { strict: true, strictSeparator: true });
        },
        defaultMessage: () =>
          `${name} must be a date and time with its offset, e.g. 2026-12-05T10:26:00+07:00`,
      },
    })(target, property);
  };
}
