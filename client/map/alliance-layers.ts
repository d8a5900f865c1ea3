import type maplibregl from 'maplibre-gl';
import { ALLIANCE_COLOUR_EXPRESSION } from './alliance-colours';

export const ALLIANCES_SOURCE = 'alliances';
const LAYERS = ['alliances-fill', 'alliances-casing', 'alliances-line'] as const;

/**
 * The saved alliances as coloured areas over the Comuni (drafts dashed). Added the first time the
 * overlay is shown; `revision` changes the URL so a new or edited alliance appears at once.
 */
export function showAlliances(map: maplibregl.Map, visible: boolean, revision: number | string): void {
  const data = `${window.location.origin}/api/alliances.geojson?r=${revision}`;
  const source = map.getSource(ALLIANCES_SOURCE) as maplibregl.GeoJSONSource | undefined;
  if (!source) {
    if (!visible) return;
    map.addSource(ALLIANCES_SOURCE, { type: 'geojson', data });
    const before = map.getLayer('comuni-highlight') ? 'comuni-highlight' : undefined;
    map.addLayer(
      {
        id: 'alliances-fill',
        type: 'fill',
        source: ALLIANCES_SOURCE,
        paint: { 'fill-color': ALLIANCE_COLOUR_EXPRESSION, 'fill-opacity': ['case', ['==', ['get', 'status'], 'draft'], 0.15, 0.3] },
      },
      before,
    );
    // A white casing keeps the outline readable over any thematic colour.
    map.addLayer(
      {
        id: 'alliances-casing',
        type: 'line',
        source: ALLIANCES_SOURCE,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': 6 },
      },
      before,
    );
    map.addLayer(
      {
        id: 'alliances-line',
        type: 'line',
        source: ALLIANCES_SOURCE,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': ALLIANCE_COLOUR_EXPRESSION, 'line-width': 3.5, 'line-dasharray': ['case', ['==', ['get', 'status'], 'draft'], ['literal', [2, 1.5]], ['literal', [1, 0]]] },
      },
      before,
    );
  } else if (visible) {
    source.setData(data);
  }
  for (const id of LAYERS) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}
