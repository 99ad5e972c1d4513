import { openSealedSecret, sealSecret } from './sealed-secret';

describe('sealed secrets', () => {
  const secret = 'a-secret-of-at-least-thirty-two-bytes!!';

  it('should open what it sealed, and seal the same text differently each time', () => {
    const one = sealSecret(secret, 'invitation', 'token-1');
    expect(one).not.toContain('token-1');
    expect(sealSecret(secret, 'invitation', 'token-1')).not.toBe(one);
    expect(openSealedSecret(secret, 'invitation', one)).toBe('token-1');
  });

  it('should refuse another key, another purpose, or a changed value', () => {
    const sealed = sealSecret(secret, 'invitation', 'token-1');
    expect(() => openSealedSecret(`${secret}x`, 'invitation', sealed)).toThrow();
    expect(() => openSealedSecret(secret, 'other', sealed)).toThrow();
    expect(() => openSealedSecret(secret, 'invitation', `${sealed.slice(0, -2)}AA`)).toThrow();
    expect(() => openSealedSecret(secret, 'invitation', 'garbage')).toThrow();
  });
});
