import { DomainError } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

export interface AccessTokenClaims {
  sub: string;
}

/** Short-lived signed access tokens (HS256). Refresh tokens are opaque and stored hashed. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  sign(userId: string): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.ACCESS_TOKEN_TTL_SECONDS;
    return {
      accessToken: this.jwt.sign({ sub: userId } satisfies AccessTokenClaims, {
        secret: this.config.JWT_SECRET,
        expiresIn,
        algorithm: 'HS256',
      }),
      expiresIn,
    };
  }

  verify(token: string): AccessTokenClaims {
    try {
      return this.jwt.verify<AccessTokenClaims>(token, {
        secret: this.config.JWT_SECRET,
        algorithms: ['HS256'],
      });
    } catch {
      throw new DomainError(
        'INVALID_TOKEN',
        'unauthenticated',
        'The access token is invalid or expired.',
      );
    }
  }
}
