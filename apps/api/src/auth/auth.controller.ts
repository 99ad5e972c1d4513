import { Actor, AuthService } from '@app/access';
import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemDto } from '../http/problem';
import { CurrentActor, Public } from './auth.decorators';
import { LoginDto, RefreshTokenDto, TokenPairDto } from './auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for an access and a refresh token.' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({
    type: ProblemDto,
    description: 'TOO_MANY_ATTEMPTS, with a Retry-After header',
  })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.login(body.email, body.password, ip);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair; the old one is used up (rotation).',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'INVALID_REFRESH_TOKEN' })
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the session of this refresh token (its whole family).' })
  @ApiNoContentResponse({ description: 'Logged out (also when the token was already invalid).' })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'UNAUTHENTICATED, INVALID_TOKEN' })
  logout(@CurrentActor() actor: Actor, @Body() body: RefreshTokenDto): Promise<void> {
    return this.auth.logout(actor, body.refreshToken);
  }
}
