import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

/** `?format=` and `?table=`, accepted by every report (see export-format.ts). */
export class ReportFormatQueryDto {
  @ApiPropertyOptional({
    enum: ['json', 'csv', 'xlsx'],
    description: 'Overrides the Accept header (text/csv, or the XLSX media type).',
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';

  @ApiPropertyOptional({
    description: 'CSV only: which of the report’s tables (default the first).',
  })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,40}$/)
  table?: string;
}
