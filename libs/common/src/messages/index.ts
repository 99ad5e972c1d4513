export * from './accept-language';
export * from './error-messages';
export * from './fill-message';
