import type { ErrorCode, errorCatalogue } from './messages/errors';

/**
 * What kind of failure a domain error is. The HTTP layer maps each kind to one status,
 * so services never throw HTTP exceptions and a new code needs no new mapping.
 */
export type ErrorKind =
  | 'invalid' // the request is malformed or breaks a rule of its own (400)
  | 'unauthenticated' // no valid credentials (401)
  | 'forbidden' // the caller may not do this (403)
  | 'not_found' // no such object, or not one the caller may see (404)
  | 'conflict' // the object is not in a state that allows this (409)
  | 'unprocessable' // well-formed, but the domain refuses it (422)
  | 'rate_limited' // too many attempts; details.retryAfterSeconds says when to retry (429)
  | 'unavailable'; // a dependency is down; try again later (503)

/** The status each kind is answered with. */
export const STATUS_OF_KIND = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const satisfies Record<ErrorKind, number>;

type Catalogue = typeof errorCatalogue;

/** The status the catalogue gives `C` (never for a field-level code). */
type StatusOf<C extends ErrorCode> = C extends ErrorCode
  ? Catalogue[C] extends { status: infer S }
    ? S
    : never
  : never;

/** The kind that answers with the catalogue's status for `C`. */
export type KindOf<C extends ErrorCode> = {
  [K in ErrorKind]: (typeof STATUS_OF_KIND)[K] extends StatusOf<C> ? K : never;
}[ErrorKind];

/** The codes a domain error can carry: the catalogue's top-level codes that have a kind. */
export type DomainErrorCode = {
  [C in ErrorCode]: [KindOf<C>] extends [never] ? never : C;
}[ErrorCode];

/** The codes raised with kind `K`, e.g. `CodeOfKind<'not_found'>` for a helper's 404. */
export type CodeOfKind<K extends ErrorKind> = {
  [C in DomainErrorCode]: K extends KindOf<C> ? C : never;
}[DomainErrorCode];

export interface FieldError {
  field: string;
  /** English words; the answer carries the catalogue's message for `code` instead. */
  message: string;
  code?: ErrorCode;
  /** What the catalogue's message for `code` needs (`{value}`, `{min}`, …); never sent. */
  params?: Record<string, unknown>;
}

/**
 * A failure the domain expects and names with a stable machine code, e.g. `BUDGET_EXCEEDED`.
 * The code must be in the catalogue (libs/common/src/messages/errors) and the kind must be
 * the one its status there says, or the call does not compile.
 */
export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  readonly code: C;
  readonly kind: ErrorKind;

  constructor(
    code: C,
    kind: KindOf<C>,
    message: string,
    readonly details: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.kind = kind;
  }
}
