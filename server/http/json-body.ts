import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { badRequest, HttpError } from './errors';

/** Largest request body, and deepest nesting of arrays and objects in it (a lasso needs 5). */
export const MAX_BODY = '1mb';
export const MAX_JSON_DEPTH = 32;
/**
 * Most items one array or object of a body may hold: more than any list a route takes (8,000
 * codes, 5,000 vertices of a ring). A wider one would only make validation list one problem per
 * item: seconds of work, and an answer larger than the body.
 */
export const MAX_JSON_ITEMS = 10_000;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const COMMA = 0x2c; // ,
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/** How deeply the arrays and objects of a JSON text nest, and the most items one of them holds. */
export interface JsonShape {
  depth: number;
  items: number;
}

/**
 * The shape of a JSON text, read from its bytes without parsing (a byte of a multi-byte UTF-8
 * character is never one of the ASCII ones counted here): an array's or object's items are the
 * commas between them, plus one if it holds anything. Stops counting once past a limit: that count
 * is then the limit + 1.
 */
export function jsonShape(bytes: Uint8Array, limits: Partial<JsonShape> = {}): JsonShape {
  const maxDepth = limits.depth ?? Infinity;
  const maxItems = limits.items ?? Infinity;
  /** Items counted so far in each open array or object, innermost last (0 while empty). */
  const items: number[] = [];
  let deepest = 0;
  let widest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      items.pop();
      continue;
    }
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x3a) continue; // blanks, ":"
    const top = items.length - 1;
    if (byte === COMMA) {
      if (top >= 0) items[top]! += 1;
    } else if (top >= 0 && items[top] === 0) items[top] = 1; // the first item
    if (top >= 0 && items[top]! > widest) {
      widest = items[top]!;
      if (widest > maxItems) return { depth: deepest, items: widest };
    }
    if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      items.push(0);
      if (items.length > deepest) {
        deepest = items.length;
        if (deepest > maxDepth) return { depth: deepest, items: widest };
      }
    }
  }
  return { depth: deepest, items: widest };
}

/** How deeply the arrays and objects of a JSON text nest; past `limit`, `limit + 1`. */
export const jsonDepth = (bytes: Uint8Array, limit = Infinity): number => jsonShape(bytes, { depth: limit }).depth;

/**
 * JSON request bodies, parsed once they are known to be UTF-8 (or the charset they declare), their
 * nesting shallow and their lists short: a deeper one is refused (400), a wider one too (413), before it is parsed, so that nothing walking
 * it later (validation, the check for malformed text) can run out of stack or list a million problems.
 */
export const jsonBody: RequestHandler = express.json({
  limit: MAX_BODY,
  verify: (_req, _res, body, charset) => {
    // Bytes that are no UTF-8 would otherwise be stored as U+FFFD, the text silently changed.
    if (/^utf-?8$/i.test(charset) && !isUtf8(body)) {
      throw badRequest('Il corpo della richiesta non è UTF-8 valido / The request body is not valid UTF-8');
    }
    const shape = jsonShape(body, { depth: MAX_JSON_DEPTH, items: MAX_JSON_ITEMS });
    if (shape.depth > MAX_JSON_DEPTH) {
      throw badRequest(`JSON annidato oltre ${MAX_JSON_DEPTH} livelli / JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
    if (shape.items > MAX_JSON_ITEMS) {
      throw new HttpError(413, 'payload_too_large', 'Un elenco del JSON supera 10.000 elementi / A JSON array or object holds more than 10,000 items');
    }
  },
});
