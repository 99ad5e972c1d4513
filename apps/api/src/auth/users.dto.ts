import { MIN_PASSWORD_LENGTH, ROLES, type Role } from '@app/access';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_PAGE, MAX_PAGE_SIZE } from '../http/paging';
import { QueryInteger } from '../http/validation';
import { RoleViewDto } from './auth.dto';

export class RoleSpecDto {
  @ApiProperty({ enum: ROLES, example: 'unit_head' })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Unit subtree: required for unit_head and finance; board roles take a unit or an authority.',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Management authority: board_reviewer or board_member only, instead of a unit.',
  })
  @IsOptional()
  @IsUUID()
  authorityId?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'head.ninhkieu@example.org' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    format: 'password',
    description:
      'Left out (the usual way), the user is emailed an invitation link to choose their own ' +
      'password (docs/auth.md).',
  })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  locale?: 'vi' | 'en';

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The staff record of this user (staff role).',
  })
  @IsOptional()
  @IsUUID()
  staffId?: string;

  @ApiProperty({ type: [RoleSpecDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleSpecDto)
  roles: RoleSpecDto[];
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Nguyễn Văn An' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ['vi', 'en'] })
  @IsOptional()
  @IsIn(['vi', 'en'])
  locale?: 'vi' | 'en';

  @ApiPropertyOptional({ description: 'false disables the user and revokes their sessions.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: [RoleSpecDto], description: 'Replaces all roles of the user.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleSpecDto)
  roles?: RoleSpecDto[];
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, format: 'password' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password: string;
}

export class ListUsersQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'Part of the email or the display name, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class UserRoleDto extends RoleViewDto {
  @ApiProperty({ type: String, nullable: true, example: 'Quận ủy Ninh Kiều' })
  unitName: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Ban Thường vụ Quận ủy Ninh Kiều' })
  authorityName: string | null;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'head.ninhkieu@example.org' })
  email: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  displayName: string;

  @ApiProperty({ enum: ['vi', 'en'] })
  locale: 'vi' | 'en';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  staffId: string | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({
    description: 'Invited and not yet accepted: the user has no password and cannot sign in.',
  })
  invitationPending: boolean;

  @ApiProperty({ type: [UserRoleDto] })
  roles: UserRoleDto[];

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] })
  items: UserDto[];

  @ApiProperty({ example: 42 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}
