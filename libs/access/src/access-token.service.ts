import { DomainError } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

export interface AccessTokenClaims {
  sub: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The claims this API signs, each of the type it signs them with: `sub` a user id (UUID),
 * `iat` and `exp` numbers. A signed token with anything else was not issued by this API
 * (or by an older, incompatible one) and is refused like a forged one.
 */
export function isAccessTokenClaims(payload: unknown): payload is AccessTokenClaims {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const claims = payload as Record<string, unknown>;
  const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  return (
    typeof claims.sub === 'string' &&
    UUID.test(claims.sub) &&
    isTime(claims.iat) &&
    isTime(claims.exp) &&
    (claims.nbf === undefined || isTime(claims.nbf))
  );
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

  /** The claims of a valid token; any bad signature, expiry or claim is `401 INVALID_TOKEN`. */
  verify(token: string): AccessTokenClaims {
    let payload: unknown;
    try {
      payload = this.jwt.verify<object>(token, {
        secret: this.config.JWT_SECRET,
        algorithms: ['HS256'],
      });
    } catch {
      throw invalidToken();
    }
    if (!isAccessTokenClaims(payload)) throw invalidToken();
    return { sub: payload.sub };
  }
}

const invalidToken = () =>
  new DomainError('INVALID_TOKEN', 'unauthenticated', 'The access token is invalid or expired.');
