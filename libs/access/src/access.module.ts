import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenService } from './access-token.service';
import { ActorLoader } from './actor-loader.service';

@Module({
  imports: [JwtModule.register({})],
  providers: [AccessTokenService, ActorLoader],
  exports: [AccessTokenService, ActorLoader],
})
export class AccessModule {}
