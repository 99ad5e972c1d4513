export * from './entities';
export * from './levels';
export * from './search-name';
export * from './standard-gap';
export * from './organization.module';
export * from './positions.service';
export * from './staff.service';
export * from './units.service';
