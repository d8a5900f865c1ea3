import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { RequestHandler } from 'express';
import { HttpError } from './errors';

/** Longest URL a request may have; longer ones get a JSON 414 (no route of ours needs more). */
export const MAX_URL_LENGTH = 8 * 1024;
/** Headers (URL included) beyond this are refused by Node's parser: we answer that in JSON too. */
const MAX_HEADER_BYTES = 32 * 1024;

export const rejectLongUrl: RequestHandler = (req, _res, next) => {
  if (req.originalUrl.length > MAX_URL_LENGTH) {
    next(new HttpError(414, 'uri_too_long', `L'indirizzo supera ${MAX_URL_LENGTH} caratteri / The URL exceeds ${MAX_URL_LENGTH} characters`));
    return;
  }
  next();
};

/** A JSON error written straight to the socket, for requests the parser refused before Express saw them. */
function rawJsonError(socket: Duplex, status: number, reason: string, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The HTTP server for the app: JSON answers even for requests Node's parser refuses. */
export function createHttpServer(app: http.RequestListener): http.Server {
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      return rawJsonError(socket, 431, 'Request Header Fields Too Large', 'headers_too_large',
        'Indirizzo o intestazioni troppo lunghi / URL or headers too large');
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return rawJsonError(socket, 408, 'Request Timeout', 'timeout', 'Richiesta troppo lenta / Request timed out');
    rawJsonError(socket, 400, 'Bad Request', 'bad_request', 'Richiesta HTTP non valida / Malformed HTTP request');
  });
  return server;
}
