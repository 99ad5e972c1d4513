import { MIN_PASSWORD_LENGTH, ROLES, type Role } from '@app/access';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';

export const SESSION_KINDS = ['token', 'cookie'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export class LoginDto {
  @ApiProperty({ example: 'admin@example.org' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'admin-password-dev', format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({
    enum: SESSION_KINDS,
    default: 'token',
    description:
      'Where the refresh token goes. `token` (the default): in the answer, for clients that ' +
      'store it themselves. `cookie` (browsers): in the HttpOnly cookie `tn_refresh` ' +
      '(SameSite=Strict, Path=/api/v1/auth), and not in the answer.',
  })
  @IsOptional()
  @IsIn(SESSION_KINDS)
  session?: SessionKind;
}

export class RefreshTokenDto {
  @ApiPropertyOptional({
    description:
      'The refresh token of the last login or refresh. Left out, the `tn_refresh` cookie is ' +
      'used (browser sessions).',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  refreshToken?: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'JWT (HS256) for the Authorization: Bearer header.' })
  accessToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires.' })
  expiresIn: number;

  @ApiPropertyOptional({
    description:
      'Opaque, single use: exchange it at /auth/refresh for a new pair. Absent for browser ' +
      'sessions (login with `session: cookie`, or a refresh by cookie): the token is then in ' +
      'the HttpOnly `tn_refresh` cookie.',
  })
  refreshToken?: string;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  tokenType: 'Bearer';
}

export class RoleViewDto {
  @ApiProperty({ enum: ROLES, example: 'unit_head' })
  role: Role;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  authorityId: string | null;
}

export class ProfileDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'admin@example.org' })
  email: string;

  @ApiProperty({ example: 'Administrator' })
  displayName: string;

  @ApiProperty({ enum: ['vi', 'en'] })
  locale: 'vi' | 'en';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  staffId: string | null;

  @ApiProperty({ type: [RoleViewDto] })
  roles: RoleViewDto[];

  @ApiProperty({
    type: [String],
    example: ['staff:read', 'staff:write', 'users:manage', 'audit:read'],
    description: 'What the roles allow somewhere in their scope; each request is still checked.',
  })
  permissions: string[];
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the invitation link (/invitation/<token>).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  token: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, format: 'password' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password: string;
}

export class InvitationDto {
  @ApiProperty({ example: 'head.ninhkieu@example.org' })
  email: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  displayName: string;

  @ApiProperty({ description: 'When the link stops working.' })
  expiresAt: Date;
}
