import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';

/** An error a client can act on, sent as `{ error: { code, message, details? } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, 'bad_request', message, details);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const unprocessable = (message: string, details?: unknown) =>
  new HttpError(422, 'unprocessable', message, details);

/** 404 naming the path as asked: `req.path` alone would leave out the prefix a router is mounted under. */
export const unknownRoute: RequestHandler = (req, _res, next) => {
  const path = req.baseUrl + req.path;
  next(notFound(`Nessuna risorsa a ${req.method} ${path} / No resource at ${req.method} ${path}`));
};

interface BodyParserError {
  type?: string;
  status?: number;
  code?: string;
}

/** Seconds a client should wait before retrying when the database is busy or away. */
export const RETRY_AFTER_SECONDS = 5;

/** Gives each request an id (X-Request-Id), so that a 500 a person reports can be found in the log. */
export const requestId: RequestHandler = (_req, res, next) => {
  const id = randomUUID().slice(0, 8);
  res.locals.requestId = id;
  res.set('X-Request-Id', id);
  next();
};

/**
 * One log line for a server error: request id, route, error name and code, and where it was thrown —
 * never the message, which for a database error holds the SQL with the user's data.
 */
function logServerError(id: string, method: string, path: string, status: number, error: unknown): void {
  const e = error as { name?: string; code?: string; stack?: string };
  const where = (e.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 4).map((l) => l.trim()).join(' < ');
  console.error(`[${id}] ${method} ${path} → ${status} ${e.name ?? typeof error}${e.code ? ` (${e.code})` : ''} ${where}`);
}

/** Turns every error into the JSON shape above with the right status; hides internals on 500. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) return next(error);
  const http = toHttpError(error);
  const id = String(res.locals.requestId ?? '-');
  // A value the database refused is answered as the client's error, and logged as ours: a schema should have refused it.
  if (http.status >= 500 || isDatabaseRefusal(error)) logServerError(id, req.method, req.path, http.status, error);
  if (http.status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  const body: { code: string; message: string; details?: unknown; requestId?: string } = { code: http.code, message: http.message };
  if (http.details !== undefined) body.details = http.details;
  if (http.status >= 500) body.requestId = id;
  res.status(http.status).json({ error: body });
};

/**
 * Database errors that mean "not now" rather than "wrong": cancelled, shutting down, disk or memory
 * full, connection lost; and a transaction that lost to another (deadlock, serialization failure,
 * lock not available: PostgreSQL rolls it back, and the same request again succeeds).
 */
const UNAVAILABLE_CODES = new Set([
  '57014', '57P01', '57P02', '57P03', '53100', '53200', '53300', '08000', '08001', '08003', '08004', '08006',
  '40P01', '40001', '55P03',
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOSPC',
]);

export const unavailable = (message = 'Il database è occupato o non raggiungibile: riprova tra poco / The database is busy or unreachable: try again shortly') =>
  new HttpError(503, 'unavailable', message);

/** Messages of a database that is closed or gone, where the driver gives no code (pool destroyed, PGlite closed). */
const UNAVAILABLE_MESSAGES = /Unable to acquire a connection|PGlite is closed|Connection terminated|Client was closed|pool is draining/i;

function isUnavailable(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string } | null;
  return (
    e?.name === 'KnexTimeoutError' ||
    (typeof e?.code === 'string' && UNAVAILABLE_CODES.has(e.code)) ||
    (typeof e?.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message))
  );
}

/** Problems a 400 lists at most, and the characters of each: the answer stays short whatever the body. */
export const MAX_ISSUES = 20;
const MAX_ISSUE_TEXT = 300;

const clip = (text: string) => (text.length > MAX_ISSUE_TEXT ? `${text.slice(0, MAX_ISSUE_TEXT)}…` : text);

/**
 * What a schema found wrong, one `{ path, message }` each: the first MAX_ISSUES, each cut short (an
 * unknown key's message names every key), then how many more there are.
 */
function issueDetails(error: ZodError): { path: string; message: string }[] {
  const details = error.issues.slice(0, MAX_ISSUES).map((i) => ({ path: clip(i.path.join('.')), message: clip(i.message) }));
  const more = error.issues.length - details.length;
  if (more > 0) details.push({ path: '', message: `… e altri ${more} problemi / … and ${more} more problems` });
  return details;
}

/** SQLSTATE classes of a value or statement the database refused: 22 data exception, 54 program limit exceeded. */
const DATABASE_REFUSAL = /^(22|54)[0-9A-Z]{3}$/;

function isDatabaseRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DATABASE_REFUSAL.test(code);
}

/**
 * A request whose input the database refused — a number out of range, a malformed value (class
 * 22), a statement past its limits (class 54) — when no schema bounded it first: the client's
 * error (400, 413), not a 500. Either engine may raise one the other does not.
 */
function databaseRefusal(error: unknown): HttpError | null {
  if (!isDatabaseRefusal(error)) return null;
  if ((error as { code: string }).code.startsWith('54')) {
    return new HttpError(413, 'payload_too_large', 'La richiesta supera i limiti del database / The request exceeds the database’s limits');
  }
  return badRequest('Un valore della richiesta non è accettato dal database / A value in the request is not accepted by the database');
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (isUnavailable(error)) return unavailable();
  if (error instanceof ZodError) return badRequest('Richiesta non valida / Invalid request', issueDetails(error));
  const refusedByDatabase = databaseRefusal(error);
  if (refusedByDatabase) return refusedByDatabase;
  const type = (error as BodyParserError | null)?.type;
  if (type === 'entity.too.large') {
    return new HttpError(413, 'payload_too_large', 'Il corpo della richiesta supera 1 MB / Request body exceeds 1 MB');
  }
  if (type === 'entity.parse.failed') {
    return badRequest('Il corpo della richiesta non è JSON valido / Request body is not valid JSON');
  }
  const refused = libraryRefusal(error);
  if (refused) return refused;
  return new HttpError(500, 'internal', 'Errore interno del server / Internal server error');
}

/**
 * A request that a library (body parser, router) refused, in our words: Italian, then English,
 * never the library's English message nor the header it refused echoed back.
 */
function libraryRefusal(error: unknown): HttpError | null {
  const e = error as BodyParserError | null;
  const status = e?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  if (e?.type === 'encoding.unsupported') {
    return new HttpError(415, 'unsupported_media_type', 'Codifica del corpo non supportata: usa gzip, deflate, br o nessuna / Unsupported Content-Encoding: use gzip, deflate, br or none');
  }
  if (e?.type === 'charset.unsupported') {
    return new HttpError(415, 'unsupported_media_type', 'Set di caratteri non supportato: usa UTF-8 / Unsupported charset: use UTF-8');
  }
  // zlib's codes: Z_DATA_ERROR… (gzip, deflate), ERR__ERROR_FORMAT_… (brotli's "Decompression failed").
  if (typeof e?.code === 'string' && /^(Z_|ERR__)/.test(e.code)) {
    return badRequest('Il corpo compresso non si decomprime / The compressed body cannot be decompressed');
  }
  if (e?.type === 'request.size.invalid' || e?.type === 'request.aborted') {
    return badRequest('Il corpo della richiesta è incompleto / The request body is incomplete');
  }
  if (error instanceof URIError) {
    return badRequest("Indirizzo con una codifica percentuale non valida (%…) / URL with invalid percent-encoding (%…)");
  }
  return new HttpError(status, 'bad_request', 'Richiesta non valida / Invalid request');
}
