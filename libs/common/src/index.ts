export * from './domain-error';
export * from './entry-point';
export * from './graceful-shutdown';
export * from './money';
export * from './clock';
export * from './messages';
export * from './sealed-secret';
export * from './work-context';
