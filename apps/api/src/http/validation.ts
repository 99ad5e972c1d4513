import { DomainError, FieldError } from '@app/common';
import { ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { Matches } from 'class-validator';

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
      code: constraint === 'whitelistValidation' ? 'UNKNOWN_FIELD' : toCode(constraint),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function toCode(constraint: string): string {
  return constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * Every DTO is validated, unknown fields are refused, and payloads are turned into
 * their DTO classes. All problems are reported at once.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
