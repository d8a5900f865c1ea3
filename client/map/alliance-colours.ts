import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * One colour per alliance on the overlay: the Okabe–Ito palette (distinguishable with the common
 * forms of colour blindness), by alliance id so that a colour never changes when others are added.
 */
export const ALLIANCE_PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7', '#F0E442', '#999999'] as const;

export function allianceColour(id: number): string {
  return ALLIANCE_PALETTE[id % ALLIANCE_PALETTE.length] as string;
}

/** The same choice as a MapLibre expression over the feature's `id` property. */
export const ALLIANCE_COLOUR_EXPRESSION = [
  'to-color',
  ['at', ['%', ['to-number', ['get', 'id']], ALLIANCE_PALETTE.length], ['literal', [...ALLIANCE_PALETTE]]],
] as unknown as ExpressionSpecification;
