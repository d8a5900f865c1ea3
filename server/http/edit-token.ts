import type { Request } from 'express';
import { HttpError } from './errors';
import { refusedToken } from './rate-limits';
import { matchesHash } from '../services/secret-tokens';

/** The token of an `Authorization: Bearer <token>` header, or null without one. */
export function bearerToken(req: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.get('Authorization') ?? '');
  return match ? (match[1] as string) : null;
}

/** 401 without `Authorization: Bearer …`, 403 when the token is not this alliance's. */
export function requireEditToken(req: Request, storedHash: string): void {
  const token = bearerToken(req);
  if (!token) {
    throw new HttpError(401, 'unauthorized', "Serve il link di modifica (Authorization: Bearer <token>) / The edit link's token is required");
  }
  if (!matchesHash(token, storedHash)) {
    throw refusedToken(req, new HttpError(403, 'forbidden', 'Il token di modifica non è valido per questa alleanza / The edit token is not valid for this alliance'));
  }
}

/**
 * Which versions a write may apply to, from `If-Match`: `3` or `"3"` (the ETag of the alliance), a
 * list of them (`"3", "4"`), or `*`: any version (RFC 9110 §13.1.1). 428 when missing, 400 when it
 * names no version. The caller answers 409 (`conflict`) when the stored version is not one of them.
 */
export function requireIfMatch(req: Request): (version: number) => boolean {
  const header = req.get('If-Match');
  if (!header) {
    throw new HttpError(428, 'precondition_required', 'Indica la versione che stai modificando (If-Match) / Send the version you are editing (If-Match)');
  }
  if (header.trim() === '*') return () => true;
  const versions = header.split(',').map((tag) => Number(tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1')));
  if (!versions.every((version) => Number.isInteger(version) && version >= 1)) {
    throw new HttpError(400, 'bad_request', 'If-Match non valido: indica la versione, ad es. "3", o * / Invalid If-Match: give the version, e.g. "3", or *');
  }
  return (version) => versions.includes(version);
}

/** Whether `If-Match` is `*`: the write applies to whatever version is current, even one saved meanwhile. */
export const ifMatchesAny = (req: Request): boolean => req.get('If-Match')?.trim() === '*';

/** 409: the version the client edited is no longer the stored one. */
export const conflict = (current: number) =>
  new HttpError(409, 'conflict', `Qualcun altro ha salvato una versione più recente (${current}): ricarica e riprova / Someone saved a newer version (${current}): reload and try again`, {
    currentVersion: current,
  });
