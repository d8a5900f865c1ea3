import { z } from 'zod';
import { ASSOCIATION_KINDS } from '../../domain/associations';

export const comuneCode = z.string().regex(/^\d{6}$/, 'un codice ISTAT di comune ha 6 cifre / a Comune ISTAT code has 6 digits');

/** Up to this many members in one request: more than every Comune in Italy. */
export const MAX_MEMBERS = 8000;

export const membersBody = z.object({
  members: z.array(comuneCode).min(1, 'almeno un comune / at least one Comune').max(MAX_MEMBERS),
});

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'scrivi almeno un carattere / type at least one character').max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const associationsQuery = z.object({
  kind: z.enum(ASSOCIATION_KINDS).optional(),
});

export const numericId = z.string().regex(/^\d{1,9}$/, "l'identificativo è un numero / the id is a number").transform(Number);
