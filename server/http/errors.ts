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

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(notFound(`Nessuna risorsa a ${req.method} ${req.path} / No resource at ${req.method} ${req.path}`));
};

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Turns every error into the JSON shape above with the right status; hides internals on 500. */
export const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) return next(error);
  const http = toHttpError(error);
  if (http.status >= 500) console.error(error);
  const body: { code: string; message: string; details?: unknown } = { code: http.code, message: http.message };
  if (http.details !== undefined) body.details = http.details;
  res.status(http.status).json({ error: body });
};

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ZodError) {
    return badRequest(
      'Richiesta non valida / Invalid request',
      error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const type = (error as BodyParserError | null)?.type;
  if (type === 'entity.too.large') {
    return new HttpError(413, 'payload_too_large', 'Il corpo della richiesta supera 1 MB / Request body exceeds 1 MB');
  }
  if (type === 'entity.parse.failed') {
    return badRequest('Il corpo della richiesta non è JSON valido / Request body is not valid JSON');
  }
  const status = (error as BodyParserError | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, 'bad_request', (error as Error).message);
  }
  return new HttpError(500, 'internal', 'Errore interno del server / Internal server error');
}
