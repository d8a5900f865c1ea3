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

/**
 * How long a client may take to send its headers, and its whole request (a body is at most 1 MB),
 * and how often that is checked: a client that trickles a byte a second, or opens a connection
 * and sends nothing, is answered 408 and closed in seconds, not held for Node's default 5 minutes.
 * (Sending an answer, however large, is not limited by these.)
 */
export interface ClientTimeouts {
  headersMs: number;
  requestMs: number;
  checkEveryMs: number;
}

export const CLIENT_TIMEOUTS: ClientTimeouts = { headersMs: 15_000, requestMs: 60_000, checkEveryMs: 2_000 };

/** The HTTP server for the app: JSON answers even for requests Node's parser refuses, and a slow client cut off. */
export function createHttpServer(app: http.RequestListener, timeouts: ClientTimeouts = CLIENT_TIMEOUTS): http.Server {
  const server = http.createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
    app,
  );
  // An `Expect:` other than 100-continue: Node would answer 417 with no body.
  server.on('checkExpectation', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const body = JSON.stringify({ error: { code: 'expectation_failed', message: 'Intestazione Expect non supportata: usa 100-continue o nessuna / Unsupported Expect header: use 100-continue or none' } });
    res.writeHead(417, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' }).end(body);
  });
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
