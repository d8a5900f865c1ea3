import express, { type RequestHandler } from 'express';
import { badRequest } from './errors';

/** Largest request body, and deepest nesting of arrays and objects in it (a lasso needs 5). */
export const MAX_BODY = '1mb';
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * How deeply the arrays and objects of a JSON text nest, read from its bytes without parsing
 * (a byte of a multi-byte UTF-8 character is never one of the ASCII ones counted here). Stops
 * counting once past `limit`: the answer is then `limit + 1`.
 */
export function jsonDepth(bytes: Uint8Array, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth--;
  }
  return deepest;
}

/**
 * JSON request bodies, parsed once their nesting is known to be shallow: a deeper one is refused
 * (400) before it is parsed, so that nothing walking it later (validation, the check for malformed
 * text) can run out of stack.
 */
export const jsonBody: RequestHandler = express.json({
  limit: MAX_BODY,
  verify: (_req, _res, body) => {
    if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      throw badRequest(`JSON annidato oltre ${MAX_JSON_DEPTH} livelli / JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
  },
});
