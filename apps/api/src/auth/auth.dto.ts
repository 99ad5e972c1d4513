import { ROLES, type Role } from '@app/access';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

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
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token of the last login or refresh.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'JWT (HS256) for the Authorization: Bearer header.' })
  accessToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires.' })
  expiresIn: number;

  @ApiProperty({ description: 'Opaque, single use: exchange it at /auth/refresh for a new pair.' })
  refreshToken: string;

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
