import { argon2id, hash } from 'argon2';
import { hashPassword, passwordNeedsRehash, verifyPassword } from './passwords';

describe('password hashes', () => {
  it('should hash with the chosen parameters and verify', async () => {
    const hashed = await hashPassword('mật khẩu đủ dài');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, 'mật khẩu đủ dài')).toBe(true);
    expect(await verifyPassword(hashed, 'mật khẩu khác')).toBe(false);
    expect(passwordNeedsRehash(hashed)).toBe(false);
  });

  it('should still verify a hash made with the old defaults, and ask for a rehash', async () => {
    const old = await hash('an old password', { type: argon2id, memoryCost: 65_536, timeCost: 3 });
    expect(await verifyPassword(old, 'an old password')).toBe(true);
    expect(passwordNeedsRehash(old)).toBe(true);
  });

  it('should refuse a malformed hash without throwing', async () => {
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(passwordNeedsRehash('not a hash')).toBe(false);
  });
});
