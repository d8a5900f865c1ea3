import type { AppContext } from '../context';
import { route, type Route } from '../http/route';

/**
 * `GET /api/alliances/revision`: the alliances' state as a number that changes whenever they (or the
 * service catalogue) change, whoever wrote. Pages ask for it now and then and read again what they
 * derived from the alliances when it moves. Declared before `/api/alliances/:id`.
 */
export function alliancesRevisionRoutes(ctx: AppContext): Route[] {
  return [
    route(
      {
        method: 'get', path: '/api/alliances/revision', tag: 'alliances',
        summary: { it: 'A che punto sono le alleanze: un numero che cambia a ogni modifica', en: 'Where the alliances stand: a number that changes with every change' },
        responses: { 200: '{ revision }: compare it with the last one read; a different number means the alliances or the catalogue changed' },
      },
      (_req, res) => {
        res.set('Cache-Control', 'no-store').json({ revision: ctx.alliancesRevision.current() });
      },
    ),
  ];
}
