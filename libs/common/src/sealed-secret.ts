import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts a short secret (AES-256-GCM) under a key derived from the application's secret
 * for one purpose, for secrets that must wait in the database until a worker uses them (an
 * invitation link waiting in the outbox for its email) without lying there in clear.
 */
export function sealSecret(appSecret: string, purpose: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(appSecret, purpose), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
}

/** The secret `sealSecret` sealed; throws when the value was changed or the key is not the same. */
export function openSealedSecret(appSecret: string, purpose: string, sealed: string): string {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !data) throw new Error('Not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(appSecret, purpose), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

const keyFor = (appSecret: string, purpose: string) =>
  Buffer.from(hkdfSync('sha256', appSecret, 'training-nominations', purpose, 32));
