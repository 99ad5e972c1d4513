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

export interface FieldError {
  field: string;
  /** English words; the answer carries the catalogue's message for `code` instead. */
  message: string;
  code?: string;
  /** What the catalogue's message for `code` needs (`{value}`, `{min}`, …); never sent. */
  params?: Record<string, unknown>;
}

/** A failure the domain expects and names with a stable machine code, e.g. `BUDGET_EXCEEDED`. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
