import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../context';
import { unprocessable } from '../http/errors';
import { route, type Route } from '../http/route';
import { comuneCode, MAX_MEMBERS } from '../http/schemas';
import { DEFAULT_FLOOR, MAX_FLOOR, MIN_FLOOR } from '../../domain/planner';
import { DEFAULT_PLAN_POOL, PlanPool, type PlanPoolOptions } from '../planner/plan-pool';
import { PLAN_LIMITS, proposePlan } from '../services/plans';

const SEED_MAX = 2 ** 31 - 1;
const grouped = (n: number, separator: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
const FLOOR_RANGE = `la soglia va da ${grouped(MIN_FLOOR, '.')} a ${grouped(MAX_FLOOR, '.')} abitanti / the floor must be between ${grouped(MIN_FLOOR, ',')} and ${grouped(MAX_FLOOR, ',')} residents`;

/**
 * `POST /api/plans` body. More than PLAN_LIMITS.comuni codes pass here and are refused with 413 by
 * the service (as a region or province too large would be); a time limit past the cap is a 422.
 */
export const planBody = z
  .object({
    area: z.union([
      z.object({ region: z.string().regex(/^\d{2}$/, 'un codice ISTAT di regione ha 2 cifre / a region ISTAT code has 2 digits') }).strict(),
      z.object({ province: z.string().regex(/^\d{3}$/, 'un codice ISTAT di provincia ha 3 cifre / a province ISTAT code has 3 digits') }).strict(),
      z.object({ codes: z.array(comuneCode).min(1, 'almeno un comune / at least one Comune').max(MAX_MEMBERS) }).strict(),
    ]),
    minPopulation: z
      .number()
      .int('la soglia è un numero intero di abitanti / the floor is a whole number of residents')
      .min(MIN_FLOOR, FLOOR_RANGE)
      .max(MAX_FLOOR, FLOOR_RANGE)
      .default(DEFAULT_FLOOR),
    keepAssociations: z.enum(['hard', 'soft', 'off']).default('soft'),
    locked: z.array(z.array(comuneCode).min(1, 'un gruppo bloccato non può essere vuoto / a locked group cannot be empty').max(MAX_MEMBERS)).max(MAX_MEMBERS).optional(),
    seed: z.number().int().min(0).max(SEED_MAX).optional(),
    timeLimitMs: z.number().int().min(1).optional(),
  })
  .strict();

/** Proposes alliances covering a territory (max-p regionalisation; see domain/planner). */
export function planRoutes(ctx: AppContext, poolOptions: PlanPoolOptions = DEFAULT_PLAN_POOL): Route[] {
  const pool = new PlanPool(poolOptions);
  const plan = route(
    {
      method: 'post', path: '/api/plans', tag: 'comuni', body: planBody, limit: 'compute',
      summary: {
        it: 'Propone alleanze contigue che coprono un territorio, ciascuna sopra la soglia di abitanti',
        en: 'Proposes contiguous alliances covering a territory, each above the residents floor',
      },
      responses: {
        200: '{ alliances: [{ members, population, name, explanation }], unassigned: [{ code, reason, message }], score: { alliances, upperBound, associationsSplit, sllSplit, snaiSplit, compactness }, seed, stoppedEarly, elapsedMs }',
        413: 'more than 2,000 Comuni in the area, or a body over 1 MB',
        422: 'unknown codes, region or province; a lock overlapping another or outside the area; a time limit over 10,000 ms',
        503: 'every planner is busy, the plan overran its time, or the database is unavailable (Retry-After)',
      },
    },
    async (_req, res, input) => {
      const body = input.body;
      if (body.timeLimitMs !== undefined && body.timeLimitMs > PLAN_LIMITS.timeLimitMs) {
        throw unprocessable(
          `Al massimo ${PLAN_LIMITS.timeLimitMs} ms di calcolo per piano / At most ${PLAN_LIMITS.timeLimitMs} ms of computation per plan`,
        );
      }
      const { value: tables } = await ctx.tables.get();
      const seed = body.seed ?? randomInt(SEED_MAX);
      res.json(await proposePlan(tables, pool, body, seed));
    },
  );
  return [plan];
}
