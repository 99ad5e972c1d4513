import { argon2id, hash, verify } from 'argon2';

/** Shortest password an administrator may set. */
export const MIN_PASSWORD_LENGTH = 12;

/** argon2id with the library's defaults (64 MiB, 3 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { type: argon2id });
}

/** False for a wrong password and for a malformed hash alike. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
