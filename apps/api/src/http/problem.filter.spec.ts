import { DomainError } from '@app/common';
import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
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
      detail: 'Fund cannot pay',
      code: 'BUDGET_EXCEEDED',
      instance: '/x',
    });
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
    expect(toProblem(new DomainError('X', kind, 'x')).status).toBe(status);
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
    expect(toProblem(new NotFoundException('Cannot GET /nope'))).toMatchObject({
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      detail: 'No route GET /nope.',
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
});
