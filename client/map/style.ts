import { tileSource } from './tile-urls';
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { OverlayId } from '../state/view-state';
import { PART_COLOURS } from '../builder/parts';
import { MEMBER_STATUSES } from '../../domain/alliance';
import { MEMBER_STATUS_COLOURS, statusState } from './member-status';

export const SOURCE = 'atlas';

/**
 * Layers that draw nothing until something is highlighted or selected: kept hidden meanwhile, so
 * that the first map does not lay out every Comune's outline for them.
 */
export const HIGHLIGHT_LAYERS = ['comuni-highlight'] as const;
export const MEMBER_LAYERS = ['comuni-members-fill', 'comuni-members-casing', 'comuni-members'] as const;
export const ASSOCIATIONS_SOURCE = 'associations';

/** Outline overlays of existing associations: which kinds each shows, its colour (Okabe–Ito), names from which zoom. */
export const OUTLINE_OVERLAYS: Partial<
  Record<OverlayId, { kinds: string[]; colour: string; width: number; source: string; labelsFrom?: number; labelColour?: string }>
> = {
  snai: { kinds: ['snai'], colour: '#D55E00', width: 2, source: 'DPCoe-NUVAP 2022' },
  sll: { kinds: ['sll'], colour: '#009E73', width: 1.2, source: 'ISTAT 2021' },
  unioni: { kinds: ['unione', 'comunita_montana', 'other'], colour: '#CC79A7', width: 2, source: 'ANCI 2023', labelsFrom: 8, labelColour: '#7a2a5e' },
};

/** The map layers of an outline overlay: its lines, and its names where it has them. */
export const overlayLayerIds = (id: string): string[] =>
  OUTLINE_OVERLAYS[id as OverlayId]?.labelsFrom === undefined ? [`overlay-${id}`] : [`overlay-${id}`, `overlay-${id}-labels`];

/** A member's colour: that of its connected part (feature-state `part`, 1-based). */
const partColour = ['match', ['coalesce', ['feature-state', 'part'], 0], ...PART_COLOURS.flatMap((c, i) => [i + 1, c]), '#000000'] as unknown as ExpressionSpecification;

/** The outline of the Comune whose details are open. */
export const SELECTION_COLOUR = '#d7191c';

export const STATUS_FILL_OPACITY = 0.8;

/** A shown alliance's member in its status colour (feature-state `status`, 1-based), else its part's. */
const status = ['coalesce', ['feature-state', 'status'], 0] as unknown as ExpressionSpecification;
const memberFillColour = [
  'case',
  ['>', status, 0],
  ['match', status, ...MEMBER_STATUSES.flatMap((s) => [statusState(s), MEMBER_STATUS_COLOURS[s]]), '#000000'],
  partColour,
] as unknown as ExpressionSpecification;

const TEXT_FONT = ['sans-serif'];
const halo = { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 };

/** The filter of the selected Comune's outline: by feature id, its code as a number (the overview tiles carry no `code`). */
export function selectedComuneFilter(code: string | null): FilterSpecification {
  return ['==', ['id'], code === null ? -1 : Number(code)];
}

/** Comuni filling, boundaries, selection and labels, all from our own tiles: no external sources or fonts. */
export function atlasStyle(origin: string, fillColour: ExpressionSpecification): StyleSpecification {
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': '#e8eef3' } },
  ];
  const sources: StyleSpecification['sources'] = {
    [SOURCE]: tileSource(origin, 'comuni'),
    [ASSOCIATIONS_SOURCE]: tileSource(origin, 'associations'),
  };
  layers.push(
    {
      id: 'comuni-fill',
      type: 'fill',
      source: SOURCE,
      'source-layer': 'comuni',
      paint: { 'fill-color': fillColour, 'fill-opacity': 1 },
    },
    {
      id: 'comuni-line',
      type: 'line',
      source: SOURCE,
      'source-layer': 'comuni',
      minzoom: 7,
      paint: { 'line-color': '#ffffff', 'line-opacity': 0.8, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.2, 12, 1] },
    },
    {
      id: 'provinces-line',
      type: 'line',
      source: SOURCE,
      'source-layer': 'provinces',
      minzoom: 5,
      paint: { 'line-color': '#4d4d4d', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.5, 10, 1.5] },
    },
    {
      id: 'regions-line',
      type: 'line',
      source: SOURCE,
      'source-layer': 'regions',
      paint: { 'line-color': '#1a1a1a', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 10, 2.5] },
    },
  );
  const overlayLabels: LayerSpecification[] = [];
  for (const [id, overlay] of Object.entries(OUTLINE_OVERLAYS)) {
    layers.push({
      id: `overlay-${id}`,
      type: 'line',
      source: ASSOCIATIONS_SOURCE,
      'source-layer': 'associations',
      filter: ['in', ['get', 'kind'], ['literal', overlay.kinds]],
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': overlay.colour, 'line-width': overlay.width, 'line-opacity': 0.9 },
    });
    if (overlay.labelsFrom !== undefined) {
      // Drawn last, so that when the overlay is on its names win over the Comuni's labels.
      overlayLabels.push({
        id: `overlay-${id}-labels`,
        type: 'symbol',
        source: ASSOCIATIONS_SOURCE,
        'source-layer': 'associations',
        minzoom: overlay.labelsFrom,
        filter: ['in', ['get', 'kind'], ['literal', overlay.kinds]],
        layout: {
          visibility: 'none',
          'symbol-placement': 'line',
          'text-field': ['get', 'name'],
          'text-font': TEXT_FONT,
          'text-size': 11,
          'symbol-spacing': 400,
        },
        paint: { ...halo, 'text-color': overlay.labelColour ?? overlay.colour },
      });
    }
  }
  layers.push(
    {
      id: 'comuni-highlight',
      type: 'line',
      source: SOURCE,
      'source-layer': 'comuni',
      layout: { visibility: 'none' }, // shown only while something is highlighted or selected (see AtlasMap)
      paint: {
        'line-color': '#000000',
        'line-width': 2.5,
        'line-opacity': ['case', ['boolean', ['feature-state', 'highlight'], false], 1, 0],
      },
    },
    {
      // Members filled in their part's colour, so that a selection (and its holes) reads at a
      // glance on every theme, dark choropleths included; the figures stay visible through it.
      id: 'comuni-members-fill',
      type: 'fill',
      source: SOURCE,
      'source-layer': 'comuni',
      layout: { visibility: 'none' }, // shown only while something is highlighted or selected (see AtlasMap)
      paint: {
        'fill-color': memberFillColour,
        // Statuses nearly opaque, so that their colours read as in the legend; parts let the figures show through.
        'fill-opacity': ['case', ['>', status, 0], STATUS_FILL_OPACITY, ['>', ['coalesce', ['feature-state', 'part'], 0], 0], 0.55, 0],
      },
    },
    {
      // A white casing under the part outline: it stands out on dark and light fills alike.
      id: 'comuni-members-casing',
      type: 'line',
      source: SOURCE,
      'source-layer': 'comuni',
      layout: { visibility: 'none' }, // shown only while something is highlighted or selected (see AtlasMap)
      paint: {
        'line-color': '#ffffff',
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 3, 10, 6],
        'line-opacity': ['case', ['>', ['coalesce', ['feature-state', 'part'], 0], 0], 1, 0],
      },
    },
    {
      // Members of the alliance being built or shown, coloured by connected part.
      id: 'comuni-members',
      type: 'line',
      source: SOURCE,
      'source-layer': 'comuni',
      layout: { visibility: 'none' }, // shown only while something is highlighted or selected (see AtlasMap)
      paint: {
        'line-color': partColour,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.5, 10, 3.5],
        'line-opacity': ['case', ['>', ['coalesce', ['feature-state', 'part'], 0], 0], 1, 0],
      },
    },
    {
      id: 'comuni-selected',
      type: 'line',
      source: SOURCE,
      'source-layer': 'comuni',
      filter: selectedComuneFilter(null),
      paint: { 'line-color': SELECTION_COLOUR, 'line-width': 4 },
    },
    {
      id: 'labels-regions',
      type: 'symbol',
      source: SOURCE,
      'source-layer': 'labels',
      filter: ['==', ['get', 'kind'], 'region'],
      maxzoom: 7,
      layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 13, 'text-transform': 'uppercase', 'text-letter-spacing': 0.08 },
      paint: halo,
    },
    {
      id: 'labels-provinces',
      type: 'symbol',
      source: SOURCE,
      'source-layer': 'labels',
      filter: ['==', ['get', 'kind'], 'province'],
      minzoom: 7,
      maxzoom: 9,
      layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 12 },
      paint: halo,
    },
    {
      id: 'labels-comuni',
      type: 'symbol',
      source: SOURCE,
      'source-layer': 'comuni_labels',
      minzoom: 8,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': TEXT_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 10, 12, 13],
        'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'population'], 0]],
      },
      paint: halo,
    },
    ...overlayLabels,
  );
  return { version: 8, sources, layers };
}
