import { DomainError } from '@app/common';
import { assertValidKey, canonicalJson, requestHash } from './idempotency.service';

describe('canonicalJson', () => {
  it('should sort keys at every level and keep array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,1]},"b":1}',
    );
  });

  it('should leave out undefined fields, write bigints as digits and dates as ISO strings', () => {
    expect(
      canonicalJson({
        amount: 40_500_000n,
        skipped: undefined,
        on: new Date(Date.UTC(2027, 0, 2)),
      }),
    ).toBe('{"amount":"40500000","on":"2027-01-02T00:00:00.000Z"}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('should read a class instance like the plain object it came from', () => {
    class Dto {
      comment = 'Đủ điều kiện.';
      passed?: boolean;
    }
    expect(canonicalJson(new Dto())).toBe(canonicalJson({ comment: 'Đủ điều kiện.' }));
  });
});

describe('requestHash', () => {
  const path = '/api/v1/nominations/8a1f0c3e-5b7d-4e2a-9c61-3f0b2d4e6a81/actions/approve';

  it('should be a sha256 in hex that ignores the order of fields', () => {
    const hash = requestHash('POST', path, { comment: 'ok', passed: true });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(requestHash('post', path, { passed: true, comment: 'ok' })).toBe(hash);
  });

  it('should differ with the method, the path or the body', () => {
    const hash = requestHash('POST', path, { comment: 'ok' });
    expect(requestHash('PATCH', path, { comment: 'ok' })).not.toBe(hash);
    expect(requestHash('POST', path.replace('approve', 'reject'), { comment: 'ok' })).not.toBe(
      hash,
    );
    expect(requestHash('POST', path, { comment: 'ok.' })).not.toBe(hash);
    expect(requestHash('POST', path, {})).not.toBe(hash);
  });

  it('should treat a missing body as an empty one', () => {
    expect(requestHash('POST', path, undefined)).toBe(requestHash('POST', path, {}));
  });
});

describe('assertValidKey', () => {
  it('should accept 1 to 200 visible ASCII characters', () => {
    expect(() => assertValidKey('a')).not.toThrow();
    expect(() => assertValidKey('~'.repeat(200))).not.toThrow();
    expect(() => assertValidKey('5f0c6c5e-3f7a-4b8e-9f59-1e0d2e6b6a51')).not.toThrow();
  });

  it.each(['', 'x'.repeat(201), 'has space', 'tab\there', 'khóa'])(
    'should refuse %j with a field error on Idempotency-Key',
    (key) => {
      let error: unknown;
      try {
        assertValidKey(key);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { errors: [expect.objectContaining({ field: 'Idempotency-Key' })] },
      });
    },
  );
});
