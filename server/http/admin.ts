import type { Request } from 'express';
import { HttpError } from './errors';
import { bearerToken } from './edit-token';
import { hashToken, matchesHash } from '../services/secret-tokens';
import { refusedToken } from './rate-limits';

/**
 * Administrators' actions need `Authorization: Bearer <ADMIN_TOKEN>` (a secret from configuration,
 * until accounts exist): 403 when administration is not configured or the token is wrong, 401
 * when none is sent.
 */
export function requireAdmin(req: Request, adminToken: string | undefined): void {
  if (!adminToken) {
    throw new HttpError(403, 'forbidden', "Amministrazione non attiva su questo server (imposta ADMIN_TOKEN) / Administration is not enabled on this server (set ADMIN_TOKEN)");
  }
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, 'unauthorized', "Serve il token di amministrazione (Authorization: Bearer <token>) / The administrator's token is required");
  if (!matchesHash(token, hashToken(adminToken))) throw refusedToken(req, new HttpError(403, 'forbidden', "Token di amministrazione non valido / Invalid administrator's token"));
}

/**
 * Who sends an action both the founder and an administrator may take: the alliance's edit token
 * makes the founder, ADMIN_TOKEN an administrator; 401 without a token, 403 with any other.
 */
export function requireFounderOrAdmin(req: Request, editTokenHash: string, adminToken: string | undefined): 'founder' | 'administrator' {
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, 'unauthorized', "Serve il link di modifica o il token di amministrazione (Authorization: Bearer <token>) / The edit link's or the administrator's token is required");
  if (matchesHash(token, editTokenHash)) return 'founder';
  if (adminToken && matchesHash(token, hashToken(adminToken))) return 'administrator';
  throw refusedToken(req, new HttpError(403, 'forbidden', 'Token non valido per questa alleanza / The token is not valid for this alliance'));
}
