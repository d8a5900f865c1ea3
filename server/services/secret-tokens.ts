import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret token (shown once) and the SHA-256 hash that is stored instead. */
export function newEditToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a token is the one a stored SHA-256 hash was made from (compared in constant time). */
export function matchesHash(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
