export { DomainError, STATUS_OF_KIND } from './domain-error';
export type { CodeOfKind, DomainErrorCode, ErrorKind, FieldError, KindOf } from './domain-error';
export {
  runEntryPoint,
  ServiceUnreachableError,
  UnsafeServiceError,
  withTimeout,
} from './entry-point';
export { installGracefulShutdown } from './graceful-shutdown';
export { basisPoints, toVnd, VND_PATTERN, vndColumn } from './money';
export {
  addWorkingDays,
  ORGANIZATION_TIME_ZONE,
  organizationDay,
  organizationToday,
  workingDaysElapsed,
} from './calendar';
export { Clock, ClockModule } from './clock';
export {
  DEFAULT_LANGUAGE,
  errorCatalogue,
  errorMessages,
  isErrorCode,
  languageOf,
  messageFor,
} from './messages';
export type { ContextErrorCode, ErrorCode, ErrorEntry, Language } from './messages';
export { openSealedSecret, sealSecret } from './sealed-secret';
export { WorkContext } from './work-context';
export type { WorkActor } from './work-context';
