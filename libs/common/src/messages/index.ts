export * from './accept-language';
export * from './errors';
export * from './fill-message';
