import type { RequestHandler } from 'express';
import { badRequest } from './errors';

/** A UTF-16 surrogate without its pair: no character, and PostgreSQL refuses it in JSON. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first text in a JSON value (or query) that holds a lone surrogate, as its path; null if none. */
export function malformedTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path || '(testo)' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return path ? `${path}.${key}` : key;
    const found = malformedTextPath(item, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/** Refuses a body or query with text that is not well-formed Unicode (400 with the field), before any handler. */
export const rejectMalformedText: RequestHandler = (req, _res, next) => {
  const where = malformedTextPath(req.body) ?? malformedTextPath(req.query);
  if (where !== null) {
    next(badRequest(`Testo con caratteri non validi (surrogato UTF-16 isolato) in "${where}" / Text with an invalid character (lone UTF-16 surrogate) in "${where}"`));
    return;
  }
  next();
};
