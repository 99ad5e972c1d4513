import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryInteger } from './validation';

/** The highest page a list serves: deeper paging is a search that should be narrowed. */
export const MAX_PAGE = 10_000;
/** The most items one page holds. */
export const MAX_PAGE_SIZE = 500;

/**
 * `?page=&pageSize=` for every list endpoint: decimal digits only (no sign, exponent, hex or
 * spaces), page 1–10,000, pageSize 1–500.
 */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1, pattern: '^[1-9][0-9]*$' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: 50,
    pattern: '^[1-9][0-9]*$',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 50;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const toPage = <T>(result: { items: T[]; total: number }, query: PageQueryDto): Page<T> => ({
  ...result,
  page: query.page,
  pageSize: query.pageSize,
});
