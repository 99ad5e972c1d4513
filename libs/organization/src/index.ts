export * from './entities';
export * from './levels';
export * from './search-name';
export * from './standard-gap';
