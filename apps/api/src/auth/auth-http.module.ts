import {
  AccessModule,
  AdminBootstrap,
  AuthService,
  InvitationsService,
  LoginThrottle,
  UsersService,
} from '@app/access';
import { Module } from '@nestjs/common';
import { AdminOnlyGuard } from './admin-only.guard';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';
import { UsersController } from './users.controller';

/** Login, tokens, the caller, and user administration. */
@Module({
  imports: [AccessModule],
  controllers: [AuthController, MeController, UsersController],
  providers: [
    AuthService,
    InvitationsService,
    LoginThrottle,
    UsersService,
    AdminBootstrap,
    AdminOnlyGuard,
  ],
})
export class AuthHttpModule {}
