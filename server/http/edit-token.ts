import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { HttpError } from './errors';

/** A new secret edit token (shown once) and the hash that is stored instead. */
export function newEditToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 401 without `Authorization: Bearer …`, 403 when the token is not this alliance's. */
export function requireEditToken(req: Request, storedHash: string): void {
  const header = req.get('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    throw new HttpError(401, 'unauthorized', "Serve il link di modifica (Authorization: Bearer <token>) / The edit link's token is required");
  }
  const given = Buffer.from(hashToken(match[1] as string), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) {
    throw new HttpError(403, 'forbidden', 'Il token di modifica non è valido per questa alleanza / The edit token is not valid for this alliance');
  }
}

/** The version the client last saw, from `If-Match: 3` or `If-Match: "3"`; 428 when missing. */
export function requireIfMatch(req: Request): number {
  const header = req.get('If-Match');
  const version = header ? Number(header.replace(/^W\//, '').replace(/"/g, '').trim()) : NaN;
  if (!header) {
    throw new HttpError(428, 'precondition_required', 'Indica la versione che stai modificando (If-Match) / Send the version you are editing (If-Match)');
  }
  if (!Number.isInteger(version) || version < 1) throw new HttpError(400, 'bad_request', `If-Match non valido: ${header}`);
  return version;
}
