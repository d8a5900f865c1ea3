import type { RequestHandler } from 'express';
import { badRequest } from './errors';

/** A UTF-16 surrogate without its pair: no character, and PostgreSQL refuses it in JSON. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** NUL: PostgreSQL stores no text that holds it. */
const NUL = '\u0000';

/** Why a text is not one the database can hold, in Italian and English; null if it can. */
function flaw(text: string): [string, string] | null {
  if (text.includes(NUL)) return ['carattere NUL', 'NUL character'];
  if (LONE_SURROGATE.test(text)) return ['surrogato UTF-16 isolato', 'lone UTF-16 surrogate'];
  return null;
}

/**
 * The first text in a JSON value (or query) that the database cannot hold, with its path and why;
 * null if none. Iterative: a body's depth is bounded before it is parsed (json-body.ts), a query's
 * is not bounded here at all, and neither may run this out of stack.
 */
export function malformedText(value: unknown): { path: string; why: [string, string] } | null {
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [item, path] = pending.pop()!;
    if (typeof item === 'string') {
      const why = flaw(item);
      if (why) return { path: path || '(testo)', why };
    } else if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const at = path ? `${path}.${key}` : key;
        const why = flaw(key);
        if (why) return { path: at, why };
        pending.push([child, at]);
      }
    }
  }
  return null;
}

/** `%00` in the path: a NUL in a path parameter, once decoded. */
const NUL_IN_PATH = /%00/i;

/**
 * Refuses a body, query or path with text the database cannot hold — not well-formed Unicode, or
 * a NUL — (400 with the field), before any handler: every route is covered, and none reaches SQL
 * with it.
 */
export const rejectMalformedText: RequestHandler = (req, _res, next) => {
  if (NUL_IN_PATH.test(req.path)) {
    next(badRequest("Indirizzo con un carattere non valido (NUL, %00) / URL with an invalid character (NUL, %00)"));
    return;
  }
  const found = malformedText(req.body) ?? malformedText(req.query);
  if (found !== null) {
    const { why } = found;
    const path = found.path.length > 100 ? `${found.path.slice(0, 100)}…` : found.path;
    next(badRequest(`Testo con caratteri non validi (${why[0]}) in "${path}" / Text with an invalid character (${why[1]}) in "${path}"`));
    return;
  }
  next();
};
