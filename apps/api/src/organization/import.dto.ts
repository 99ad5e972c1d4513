import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { ProblemDto } from '../http/problem';

const booleans: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };

export class ImportQueryDto {
  @ApiPropertyOptional({
    description: 'Validate and count without writing anything.',
    default: false,
  })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' && value in booleans ? booleans[value] : value,
  )
  @IsBoolean()
  dryRun?: boolean;
}

export class ImportResultDto {
  @ApiProperty({ example: false })
  dryRun: boolean;

  @ApiProperty({ example: 12, description: 'Records that did not exist.' })
  created: number;

  @ApiProperty({ example: 3, description: 'Existing records that the file changed.' })
  updated: number;

  @ApiProperty({ example: 85, description: 'Rows equal to the stored record; nothing written.' })
  unchanged: number;

  @ApiProperty({ example: 100, description: 'Data rows read (blank rows are skipped).' })
  rows: number;
}

export class ImportRowErrorDto {
  @ApiProperty({ example: 7, description: 'Spreadsheet row number; the header is row 1.' })
  row: number;

  @ApiProperty({ example: 'birth_date', nullable: true, type: String })
  column: string | null;

  @ApiProperty({
    example: 'Ngày "31/02/1990" không hợp lệ. Vui lòng nhập theo dạng ngày/tháng/năm.',
    description: 'The problem in the language of Accept-Language (vi by default).',
  })
  message: string;

  @ApiProperty({ example: 'INVALID_DATE' })
  code: string;
}

export class ImportProblemDto extends OmitType(ProblemDto, ['errors'] as const) {
  @ApiProperty({
    type: [ImportRowErrorDto],
    description: 'The first problems in file order (at most IMPORT_MAX_ERRORS).',
  })
  errors: ImportRowErrorDto[];

  @ApiProperty({ example: 2, description: 'How many problems the file has in all.' })
  errorCount: number;
}

/** The multipart body: one file field. */
export const IMPORT_BODY_SCHEMA = {
  schema: {
    type: 'object' as const,
    required: ['file'],
    properties: {
      file: {
        type: 'string' as const,
        format: 'binary',
        description:
          '.csv (UTF-8, with or without BOM) or .xlsx (first sheet); at most 20 MB and the import limits (docs/import.md).',
      },
    },
  },
};
