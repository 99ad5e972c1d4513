import { DomainError } from '@app/common';
import type { ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { createValidationPipe, flattenValidationErrors, Nullable } from './validation';

const error = (
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
) => ({ property, constraints, children }) as ValidationError;

describe('flattenValidationErrors', () => {
  it('should give nested and indexed fields a path, and unknown fields their own code', () => {
    const flat = flattenValidationErrors([
      error('extra', { whitelistValidation: 'property extra should not exist' }),
      error('split', undefined, [
        error('0', undefined, [error('amount', { isInt: 'amount must be an integer' })]),
      ]),
    ]);
    expect(flat).toEqual([
      { field: 'extra', message: 'property extra should not exist', code: 'UNKNOWN_FIELD' },
      { field: 'split[0].amount', message: 'amount must be an integer', code: 'IS_INT' },
    ]);
  });
});

describe('the global validation pipe', () => {
  class LineDto {
    @IsString()
    name: string;
  }
  class BodyDto {
    @IsOptional()
    @IsString()
    title?: string;

    @Nullable()
    @IsString()
    note?: string | null;

    @IsOptional()
    @IsArray()
    @ValidateNested({ each: true })
    @Type(() => LineDto)
    lines?: LineDto[];
  }
  const pipe = createValidationPipe();
  const errorsOf = async (value: unknown) => {
    try {
      await pipe.transform(value, { type: 'body', metatype: BodyDto });
      return [];
    } catch (error) {
      return (error as DomainError).details.errors;
    }
  };

  it('should refuse null in an optional field unless it is declared nullable', async () => {
    expect(await errorsOf({ title: null })).toEqual([
      { field: 'title', message: 'title must not be null', code: 'NOT_NULLABLE' },
    ]);
    expect(await errorsOf({ note: null })).toEqual([]);
  });

  it('should refuse arrays and nulls where a list holds objects, with the rest at once', async () => {
    expect(await errorsOf({ lines: [[], { name: null }, { name: 'ok' }], title: 1 })).toEqual([
      expect.objectContaining({ field: 'title', code: 'IS_STRING' }),
      expect.objectContaining({ field: 'lines[1].name', code: 'IS_STRING' }),
      expect.objectContaining({ field: 'lines[0]', code: 'IS_OBJECT' }),
    ]);
  });
});
