import type { Polygon } from 'geojson';
import type { ComuneDetails } from '../../domain/api-types';
import { mountainBasis } from '../../domain/mountain';
import { isSmallComune } from '../../domain/thresholds';
import type { AppContext } from '../context';
import { alliancesOfComune } from '../queries/alliances';
import { findComune } from '../queries/comuni';
import { comuniWithin } from '../queries/within';
import { boundDrawnAreaCost, prepareDrawnArea } from './drawn-area';

/** How many Comuni the database holds (SQL in queries/comuni.ts). */
export { countComuni } from '../queries/comuni';

/** A Comune with its neighbours, associations, mountain status and alliances; null when there is none. */
export async function comuneDetails(ctx: Pick<AppContext, 'db' | 'tables'>, code: string): Promise<ComuneDetails | null> {
  const comune = await findComune(ctx.db.knex, code);
  if (!comune) return null;
  const { value: tables } = await ctx.tables.get();
  const associations = tables.memberships.get(code) ?? [];
  return {
    ...comune,
    small: isSmallComune(comune.population),
    neighbours: tables.graph.neighbours(code),
    associations,
    mountain: mountainBasis(associations),
    alliances: await alliancesOfComune(ctx.db.knex, code),
  };
}

/**
 * The Comuni inside a drawing: simplified and refused (invalid) when too detailed, before the
 * Comuni's boxes are read; refused when too costly to intersect, before any SQL.
 */
export async function comuniInDrawing(
  ctx: Pick<AppContext, 'db' | 'comuneBoxes'>,
  drawn: Polygon,
  minShare: number,
  partialShare = minShare,
): Promise<{ codes: string[]; partial: string[] }> {
  const area = prepareDrawnArea(drawn);
  const { value: boxes } = await ctx.comuneBoxes.get();
  boundDrawnAreaCost(area, boxes);
  return comuniWithin(ctx.db, area, minShare, partialShare);
}
