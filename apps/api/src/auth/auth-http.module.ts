import { Module } from '@nestjs/common';

/** Login, tokens, the caller, and user administration. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class AuthHttpModule {}
