export { LoggingModule, REQUEST_ID_HEADER, requestIdOf } from './logging.module';
