/**
 * Domain errors and their codes on their own, without the rest of the library (whose clock
 * loads Nest): the import parsing thread loads only this.
 */
export { DomainError } from './domain-error';
export type { DomainErrorCode, ErrorKind, FieldError } from './domain-error';
export type { ErrorCode } from './messages/errors';
