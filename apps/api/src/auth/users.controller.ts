import { Actor, InvitationsService, UsersService } from '@app/access';
import { AuditContext } from '@app/audit';
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
import { AuditFrom, CurrentActor } from './auth.decorators';
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
  create(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Body() body: CreateUserDto,
  ): Promise<UserDto> {
    return this.users.create(actor, audit, body);
  }

  @Get()
  @ApiOperation({ summary: 'Users, by email, a page at a time; q searches email and name.' })
  @ApiOkResponse({ type: UserPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user.' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'USER_NOT_FOUND' })
  get(@CurrentActor() actor: Actor, @Param('id', uuidPipe()) id: string): Promise<UserDto> {
    return this.users.get(actor, id);
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
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Param('id', uuidPipe()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(actor, audit, id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password; every session of the user ends.' })
  @ApiNoContentResponse({ description: 'Password changed.' })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'USER_NOT_FOUND' })
  resetPassword(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Param('id', uuidPipe()) id: string,
    @Body() body: ResetPasswordDto,
  ): Promise<void> {
    return this.users.resetPassword(actor, audit, id, body.password);
  }

  @Post(':id/invitation')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Email the user a new invitation; the link of the previous one stops working.',
  })
  @ApiNoContentResponse({ description: 'Invitation queued for sending.' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'USER_NOT_FOUND' })
  @ApiConflictResponse({ type: ProblemDto, description: 'USER_HAS_PASSWORD, USER_INACTIVE' })
  resendInvitation(
    @CurrentActor() actor: Actor,
    @AuditFrom() audit: AuditContext,
    @Param('id', uuidPipe()) id: string,
  ): Promise<void> {
    return this.invitations.resend(actor, audit, id);
  }
}
