import { AuthService, Ctx, InvitationsService, invalidRefreshToken, TokenPair } from '@app/access';
import { DomainError } from '@app/common';
import { AppConfig, InjectConfig } from '@app/config';
import { Body, Controller, Get, HttpCode, Ip, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemDto } from '../http/problem';
import { CurrentContext, Public } from './auth.decorators';
import {
  AcceptInvitationDto,
  InvitationDto,
  LoginDto,
  RefreshTokenDto,
  TokenPairDto,
} from './auth.dto';
import {
  clearRefreshCookie,
  REFRESH_COOKIE,
  refreshCookieOf,
  setRefreshCookie,
} from './session-cookie';

const SET_COOKIE = {
  'Set-Cookie': {
    description: `For browser sessions: ${REFRESH_COOKIE}=<refresh token>; HttpOnly; SameSite=Strict; Path=/api/v1/auth; Max-Age=<refresh token lifetime>, and Secure over https.`,
    schema: { type: 'string' },
  },
};

/** The pair without its refresh token, which went into the cookie. */
const forBrowser = ({ accessToken, expiresIn, tokenType }: TokenPair): TokenPairDto => ({
  accessToken,
  expiresIn,
  tokenType,
});

/**
 * Token clients get the refresh token in the answer and send it back in the body; browsers
 * (`session: 'cookie'` at login) get it in the HttpOnly `tn_refresh` cookie, which refresh
 * and logout read when the body has none (docs/auth.md).
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange email and password for an access and a refresh token.',
    description:
      'With `session: cookie` the refresh token is set in the `tn_refresh` cookie instead of ' +
      'being returned.',
  })
  @ApiOkResponse({ type: TokenPairDto, headers: SET_COOKIE })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({
    type: ProblemDto,
    description: 'INVALID_CREDENTIALS; INVITATION_PENDING for an invited user with no password yet',
  })
  @ApiTooManyRequestsResponse({
    type: ProblemDto,
    description: 'TOO_MANY_ATTEMPTS, with a Retry-After header',
  })
  async login(
    @Body() body: LoginDto,
    @Ip() ip: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairDto> {
    const pair = await this.auth.login(body.email, body.password, ip);
    if (body.session !== 'cookie') return pair;
    setRefreshCookie(reply, request, this.config, pair.refreshToken);
    return forBrowser(pair);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair; the old one is used up (rotation).',
    description:
      'The token comes from the body or, when the body has none, from the `tn_refresh` cookie; ' +
      'then the cookie is rotated and the answer has no refresh token. A refused cookie is ' +
      'cleared.',
  })
  @ApiOkResponse({ type: TokenPairDto, headers: SET_COOKIE })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'INVALID_REFRESH_TOKEN' })
  async refresh(
    @Body() body: RefreshTokenDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairDto> {
    if (body.refreshToken !== undefined) return this.auth.refresh(body.refreshToken);
    const cookie = refreshCookieOf(request);
    if (!cookie) throw invalidRefreshToken();
    try {
      const pair = await this.auth.refresh(cookie);
      setRefreshCookie(reply, request, this.config, pair.refreshToken);
      return forBrowser(pair);
    } catch (error) {
      // A used, expired or revoked cookie is of no further use: the browser drops it.
      if (error instanceof DomainError && error.code === 'INVALID_REFRESH_TOKEN') {
        clearRefreshCookie(reply, request, this.config);
      }
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'End the session of this refresh token (its whole family).',
    description:
      'The token comes from the body or, when the body has none, from the `tn_refresh` cookie; ' +
      'the cookie is cleared in every case.',
  })
  @ApiNoContentResponse({
    description: 'Logged out (also when the token was already invalid or none was sent).',
  })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'UNAUTHENTICATED, INVALID_TOKEN' })
  async logout(
    @CurrentContext() ctx: Ctx,
    @Body() body: RefreshTokenDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const token = body.refreshToken ?? refreshCookieOf(request);
    clearRefreshCookie(reply, request, this.config);
    if (token) await this.auth.logout(ctx, token);
  }

  @Public()
  @Get('invitations/:token')
  @ApiOperation({
    summary: 'Whether an invitation link can be used, and for whom.',
  })
  @ApiOkResponse({ type: InvitationDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'INVITATION_NOT_FOUND' })
  @ApiConflictResponse({
    type: ProblemDto,
    description: 'INVITATION_EXPIRED, INVITATION_USED, INVITATION_REVOKED',
  })
  checkInvitation(@Param('token') token: string): Promise<InvitationDto> {
    return this.invitations.check(token);
  }

  @Public()
  @Post('invitations/accept')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Choose a password with an invitation link; the link is used up.',
    description: 'Then sign in with the email and the new password (`POST /auth/login`).',
  })
  @ApiNoContentResponse({ description: 'Password set; the user may now sign in.' })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'INVITATION_NOT_FOUND' })
  @ApiConflictResponse({
    type: ProblemDto,
    description: 'INVITATION_EXPIRED, INVITATION_USED, INVITATION_REVOKED',
  })
  acceptInvitation(
    @Body() body: AcceptInvitationDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.invitations.accept(body.token, body.password, String(request.id));
  }
}
