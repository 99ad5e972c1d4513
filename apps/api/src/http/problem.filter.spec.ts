import { DomainError, DomainErrorCode } from '@app/common';
import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { withAcceptLanguage } from './problem';
import { toProblem } from './problem.filter';

describe('toProblem', () => {
  it('should map a domain error kind to its status and keep its code', () => {
    const problem = toProblem(
      new DomainError('BUDGET_EXCEEDED', 'unprocessable', 'Fund cannot pay'),
      '/x',
    );
    expect(problem).toEqual({
      type: 'urn:problem-type:budget-exceeded',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'Quỹ không đủ kinh phí cho khoản này. Vui lòng chọn quỹ khác hoặc giảm số tiền.',
      code: 'BUDGET_EXCEEDED',
      instance: '/x',
    });
  });

  it('should say the detail in the language asked for, filled with the details', () => {
    const error = new DomainError('BUDGET_EXCEEDED', 'unprocessable', 'Fund F1 cannot pay', {
      fundCode: 'F1',
      available: '1500000',
      requested: '2000000',
    });
    expect(toProblem(error, '/x', 'en').detail).toBe(
      'The fund F1 cannot pay this amount: 1,500,000 VND available, 2,000,000 VND requested. ' +
        'Please choose another fund or lower the amount.',
    );
    expect(toProblem(error, '/x', 'vi').detail).toBe(
      'Quỹ F1 không đủ kinh phí cho khoản này: còn 1.500.000 đồng, cần 2.000.000 đồng. ' +
        'Vui lòng chọn quỹ khác hoặc giảm số tiền.',
    );
  });

  it('should keep the English detail of a code the catalogue does not have', () => {
    expect(
      toProblem(new DomainError('NO_SUCH_CODE' as DomainErrorCode, 'conflict', 'In English.'))
        .detail,
    ).toBe('In English.');
  });

  it('should say field and row messages in the language asked for, without their params', () => {
    const problem = toProblem(
      new DomainError('IMPORT_INVALID', 'unprocessable', 'Bad rows', {
        errorCount: 2,
        errors: [
          { field: 'name', message: 'name must be a string', code: 'IS_STRING' },
          {
            row: 3,
            column: 'code',
            code: 'DUPLICATE_CODE',
            message: 'Code A is also on row 2.',
            params: { value: 'A', firstRow: 2 },
          } as never,
          { field: 'x', message: 'An English message.', code: 'NO_SUCH_CODE' as never },
          { field: 'y', message: 'No code at all.' },
        ],
      }),
      '/x',
      'vi',
    );
    expect(problem.detail).toBe(
      'Tệp có lỗi (2 lỗi) nên chưa có gì được nhập. Vui lòng sửa các dòng được liệt kê rồi nhập lại.',
    );
    expect(problem.errors).toEqual([
      { field: 'name', message: 'Vui lòng nhập văn bản.', code: 'IS_STRING' },
      {
        row: 3,
        column: 'code',
        code: 'DUPLICATE_CODE',
        message: 'Mã A trùng với một dòng khác trong tệp (dòng 2).',
      },
      { field: 'x', message: 'An English message.', code: 'NO_SUCH_CODE' as never },
      { field: 'y', message: 'No code at all.' },
    ]);
  });

  it('should never let details replace the standard members', () => {
    const problem = toProblem(
      new DomainError('DELIVERY_NOT_FAILED', 'conflict', 'Only failed deliveries', {
        status: 'sent',
        code: 'OTHER',
        deliveryId: '7',
      }),
    );
    expect(problem).toMatchObject({ status: 409, code: 'DELIVERY_NOT_FAILED', deliveryId: '7' });
  });

  it.each([
    ['invalid', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['unprocessable', 422],
    ['unavailable', 503],
  ] as const)('should give kind %s the status %i', (kind, status) => {
    expect(toProblem(new DomainError('X' as DomainErrorCode, kind, 'x')).status).toBe(status);
  });

  it('should carry field errors and extra details', () => {
    const problem = toProblem(
      new DomainError('INVALID_TRANSITION', 'conflict', 'No', {
        errors: [{ field: 'a', message: 'bad' }],
        allowedActions: ['submit'],
      }),
    );
    expect(problem).toMatchObject({
      errors: [{ field: 'a', message: 'bad' }],
      allowedActions: ['submit'],
    });
  });

  it('should name an unknown route', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nope'), '/nope', 'en')).toMatchObject({
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      detail: 'The server has no such function (GET /nope). Please reload the page.',
    });
  });

  it('should recognise Fastify errors wrapped by Nest', () => {
    const tooLarge = new HttpException('Request body is too large', 413, {
      cause: Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' }),
    });
    expect(toProblem(tooLarge)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(toProblem(new BadRequestException('x'))).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
    });
  });

  it('should hide the details of an unexpected error', () => {
    const problem = toProblem(new TypeError('secret internals at line 12'));
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(JSON.stringify(problem)).not.toContain('secret');
  });

  it('should add Accept-Language to what an answer varies by, once', () => {
    expect(withAcceptLanguage(undefined)).toBe('Accept-Language');
    expect(withAcceptLanguage('Origin')).toBe('Origin, Accept-Language');
    expect(withAcceptLanguage('origin, accept-language')).toBe('origin, accept-language');
    expect(withAcceptLanguage('*')).toBe('*');
  });
});
