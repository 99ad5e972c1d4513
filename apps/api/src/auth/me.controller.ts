import { AuthService, Ctx } from '@app/access';
import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemDto } from '../http/problem';
import { CurrentContext } from './auth.decorators';
import { ProfileDto } from './auth.dto';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @ApiOperation({ summary: 'The caller: profile, roles with their scopes, and permissions.' })
  @ApiOkResponse({ type: ProfileDto })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'UNAUTHENTICATED, INVALID_TOKEN' })
  me(@CurrentContext() ctx: Ctx): Promise<ProfileDto> {
    return this.auth.profile(ctx);
  }
}
