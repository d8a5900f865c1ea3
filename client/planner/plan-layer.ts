import { useEffect, useRef } from 'react';
import type maplibregl from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import { redraw, showLayers } from '../map/controllers/map-context';
import { SOURCE } from '../map/style';
import { useViewStore } from '../state/view-store';
import { PLAN_PALETTE } from './plan-colours';
import { useShownPlan } from './useShownPlan';

const LAYERS = ['plan-fill', 'plan-line', 'plan-labels'] as const;
const LABELS_SOURCE = 'plan-labels';
/** Unassigned Comuni: a dark grey (feature-state `plan` = -1). */
export const UNASSIGNED_COLOUR = '#4d4d4d';

const planState = ['coalesce', ['feature-state', 'plan'], 0] as unknown as ExpressionSpecification;
const planColour = ['match', planState, -1, UNASSIGNED_COLOUR, ...PLAN_PALETTE.flatMap((c, i) => [i + 1, c]), '#000000'] as unknown as ExpressionSpecification;

function addLayers(map: maplibregl.Map): void {
  if (map.getLayer('plan-fill')) return;
  const before = map.getLayer('comuni-selected') ? 'comuni-selected' : undefined;
  map.addLayer({ id: 'plan-fill', type: 'fill', source: SOURCE, 'source-layer': 'comuni', paint: { 'fill-color': planColour, 'fill-opacity': ['case', ['!=', planState, 0], 1, 0] } }, before);
  // Each member outlined in a darker line: where two alliances meet, their colours meet along the border.
  map.addLayer(
    { id: 'plan-line', type: 'line', source: SOURCE, 'source-layer': 'comuni', paint: { 'line-color': '#1a1a1a', 'line-width': 0.6, 'line-opacity': ['case', ['!=', planState, 0], 0.6, 0] } },
    before,
  );
  map.addSource(LABELS_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'plan-labels',
    type: 'symbol',
    source: LABELS_SOURCE,
    layout: { 'text-field': ['get', 'label'], 'text-font': ['sans-serif'], 'text-size': 12, 'text-allow-overlap': false },
    paint: { 'text-color': '#111111', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
  });
}

/** The proposed plan on the map (mode "plan"): each alliance in its colour, outlined and labelled; unassigned in grey. */
export function usePlanLayer(map: maplibregl.Map | null): void {
  const planning = useViewStore((s) => s.view.mode === 'plan');
  const shown = useShownPlan();
  const coloured = useRef<string[]>([]);

  useEffect(() => {
    if (!map) return;
    const set = (code: string, plan: number) => map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id: Number(code) }, { plan });
    for (const code of coloured.current) set(code, 0);
    coloured.current = [];
    const visible = planning && shown !== null;
    if (visible) {
      addLayers(map);
      shown.alliances.forEach((a) => {
        for (const code of a.members) {
          set(code, a.colour + 1);
          coloured.current.push(code);
        }
      });
      for (const code of shown.unassigned) {
        set(code, -1);
        coloured.current.push(code);
      }
      (map.getSource(LABELS_SOURCE) as GeoJSONSource).setData({
        type: 'FeatureCollection',
        features: shown.alliances.map((a) => ({ type: 'Feature', properties: { label: `${a.number}. ${a.label}` }, geometry: { type: 'Point', coordinates: a.labelAt } })),
      });
    }
    if (map.getLayer('plan-fill')) showLayers(map, LAYERS, visible);
    map.getContainer().dataset.plan = visible ? String(shown.alliances.length) : '';
    redraw(map);
  }, [map, planning, shown]);
}
