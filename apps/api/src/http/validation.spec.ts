import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation';

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
