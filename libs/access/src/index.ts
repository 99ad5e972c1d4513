export * from './access-token.service';
export * from './access.module';
export * from './actor';
export * from './actor-loader.service';
export * from './entities/user.entity';
export * from './staff-scope';
