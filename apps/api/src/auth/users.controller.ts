import { Ctx, InvitationsService, UsersService } from '@app/access';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ProblemDto } from '../http/problem';
import { uuidPipe } from '../http/validation';
import { AdminOnlyGuard } from './admin-only.guard';
import { CurrentContext } from './auth.decorators';
import {
  CreateUserDto,
  ListUsersQueryDto,
  ResetPasswordDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
} from './users.dto';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(AdminOnlyGuard)
@ApiUnauthorizedResponse({ type: ProblemDto, description: 'UNAUTHENTICATED, INVALID_TOKEN' })
@ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: administrators only' })
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a user with roles.',
    description:
      'Without a password the user is emailed an invitation to choose one (docs/auth.md).',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiBadRequestResponse({
    type: ProblemDto,
    description: 'VALIDATION_FAILED (also a role with the wrong scope)',
  })
  @ApiConflictResponse({ type: ProblemDto, description: 'EMAIL_TAKEN, STAFF_ALREADY_LINKED' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'UNKNOWN_REFERENCE' })
  create(@CurrentContext() ctx: Ctx, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(ctx, body);
  }

  @Get()
  @ApiOperation({ summary: 'Users, by email, a page at a time; q searches email and name.' })
  @ApiOkResponse({ type: UserPageDto })
  list(@CurrentContext() ctx: Ctx, @Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.users.list(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user.' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'USER_NOT_FOUND' })
  get(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<UserDto> {
    return this.users.get(ctx, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Change name, locale, active or roles (replaced as a whole). Disabling revokes sessions.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'USER_NOT_FOUND' })
  @ApiConflictResponse({ type: ProblemDto, description: 'LAST_ADMIN' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'UNKNOWN_REFERENCE' })
  update(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(ctx, id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password; every session of the user ends.' })
  @ApiNoContentResponse({ description: 'Password changed.' })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'USER_NOT_FOUND' })
  resetPassword(
    @CurrentContext() ctx: Ctx,
    @Param('id', uuidPipe()) id: string,
    @Body() body: ResetPasswordDto,
  ): Promise<void> {
    return this.users.resetPassword(ctx, id, body.password);
  }

  @Post(':id/invitation')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Email the user a new invitation; the link of the previous one stops working.',
  })
  @ApiNoContentResponse({ description: 'Invitation queued for sending.' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'USER_NOT_FOUND' })
  @ApiConflictResponse({ type: ProblemDto, description: 'USER_HAS_PASSWORD, USER_INACTIVE' })
  resendInvitation(@CurrentContext() ctx: Ctx, @Param('id', uuidPipe()) id: string): Promise<void> {
    return this.invitations.resend(ctx, id);
  }
}
