import { z } from 'zod';
import { applicableRuleSet, ruleSet as findRuleSet } from '../../domain/rule-sets';
import { summarizeTerritory } from '../../domain/territory';
import { ANY_FUNDAMENTAL } from '../../domain/services';
import type { AppContext } from '../context';
import { KeyedPerRevision } from '../data/alliances-revision';
import { unprocessable } from '../http/errors';
import { route, type Route } from '../http/route';
import { membersBody, serviceCode } from '../http/schemas';
import { catalogueIndex } from '../services/catalogue';
import { coveredCodes } from '../services/coverage';
import { suggestNeighbours } from '../services/suggestions';

const suggestionsBody = z
  .object({
    members: membersBody.shape.members,
    services: z.array(serviceCode).max(50).default([]),
    ruleSet: z.string().refine((id) => findRuleSet(id) !== undefined, 'insieme di regole sconosciuto / unknown rule set').optional(),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict();

/** Neighbours that would help a selection most, each with the reasons why. */
export function suggestionRoutes(ctx: AppContext): Route[] {
  const knex = ctx.db.knex;

  // Which Comuni receive a service, per service, data version and alliances revision.
  const covered = new KeyedPerRevision<ReturnType<typeof coveredCodes>>(ctx.alliancesRevision, 64);

  const suggest = route(
    {
      method: 'post', path: '/api/suggestions', tag: 'comuni', body: suggestionsBody, bodyName: 'Suggestions', limit: 'compute',
      summary: { it: 'I vicini che aiuterebbero di più la selezione', en: 'The neighbours that would help the selection most' },
      responses: { 200: '{ ruleSet, suggestions }', 422: 'unknown ISTAT codes or services' },
    },
    async (_req, res, input) => {
      const body = input.body;
      const { value: tables, version } = await ctx.tables.get();
      const unknown = body.members.filter((c) => !tables.facts.has(c));
      if (unknown.length > 0) throw unprocessable(`Codici ISTAT sconosciuti / Unknown ISTAT codes: ${unknown.join(', ')}`, { unknown });
      const catalogue = await catalogueIndex(knex);
      const unknownServices = body.services.filter((s) => s !== ANY_FUNDAMENTAL && !catalogue.has(s));
      if (unknownServices.length > 0) throw unprocessable(`Servizi sconosciuti / Unknown services: ${unknownServices.join(', ')}`, { unknown: unknownServices });

      // Covered = receives every chosen service already.
      const coveredSets = await Promise.all(
        body.services.map((s) =>
          covered.get(`${s}|${version}`, async () => coveredCodes(tables, s === ANY_FUNDAMENTAL || catalogue.get(s)?.kind === 'fundamental', (await ctx.provisions.get()).of(s))),
        ),
      );
      const isCovered = coveredSets.length > 0 ? (code: string) => coveredSets.every((set) => set.has(code)) : undefined;

      const mainRegion = summarizeTerritory(body.members, (c) => tables.facts.get(c)).regions[0]?.code;
      const set = applicableRuleSet(body.ruleSet, mainRegion);
      res.json({ ruleSet: { id: set.id, name: set.name }, suggestions: suggestNeighbours(tables, body.members, set, isCovered, body.limit) });
    },
  );
  return [suggest];
}
