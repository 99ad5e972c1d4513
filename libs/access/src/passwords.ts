import { argon2id, hash, needsRehash, verify } from 'argon2';

/** Shortest password an administrator (or an invited user) may set. */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about a tenth of
 * the library's defaults (64 MiB, 3 passes, 4 lanes) in time, which made creating a user or
 * signing in take most of a second on a small server (figures in BENCHMARKS.md, `passwords`).
 * argon2 writes its parameters into each hash, so hashes made with other ones still verify;
 * a successful sign-in rehashes them (`passwordNeedsRehash`).
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** False for a wrong password and for a malformed hash alike. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Whether a hash that verified was made with other parameters than today's. */
export function passwordNeedsRehash(passwordHash: string): boolean {
  try {
    return needsRehash(passwordHash, {
      memoryCost: PASSWORD_HASH_OPTIONS.memoryCost,
      timeCost: PASSWORD_HASH_OPTIONS.timeCost,
      parallelism: PASSWORD_HASH_OPTIONS.parallelism,
    });
  } catch {
    return false;
  }
}
