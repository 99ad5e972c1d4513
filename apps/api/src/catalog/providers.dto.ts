import { Provider } from '@app/catalog';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/paging';
import { IsRecordCode, queryBoolean } from '../http/validation';

export class CreateProviderDto {
  @ApiProperty({ example: 'HVCTQG-HCM' })
  @IsRecordCode()
  code: string;

  @ApiProperty({ example: 'Học viện Chính trị quốc gia Hồ Chí Minh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    example: 'VN',
    description: 'ISO 3166-1 alpha-2 country code; stored in upper case.',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code, e.g. VN' })
  country: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const PROVIDER_DEFAULTS = { active: true } as const;

export class UpdateProviderDto extends PartialType(CreateProviderDto) {}

export class ProviderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'VN' }) country: string;
  @ApiProperty() active: boolean;
}

export class ProviderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the code or name.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;
}

export class ProviderPageDto {
  @ApiProperty({ type: [ProviderDto] }) items: ProviderDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export const toProviderDto = (provider: Provider): ProviderDto => ({
  id: provider.id,
  code: provider.code,
  name: provider.name,
  country: provider.country,
  active: provider.active,
});
