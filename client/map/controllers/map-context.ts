import type maplibregl from 'maplibre-gl';

/** What the controllers of one map share besides the map itself. */
export interface MapShared {
  /** True once the thematic colours are on the map: only then is the map "idle" (fully drawn). */
  themed: boolean;
  /** Start of the last recolour not yet drawn (for the benchmark's timing). */
  recolouring: number | null;
  /** Whether the pointer is over a deck.gl circle or link (they are named rather than the Comune below). */
  overOverlay: boolean;
  /** When the last drawing closed (performance.now()), to tell its closing click from a pick. */
  lastDrawn: number;
  /** The attribute table whose figures are joined to the tiles as feature-state (null: none yet). */
  joined: object | null;
}

const shared = new WeakMap<maplibregl.Map, MapShared>();

export function sharedOf(map: maplibregl.Map): MapShared {
  let value = shared.get(map);
  if (!value) {
    value = { themed: false, recolouring: null, overOverlay: false, lastDrawn: -Infinity, joined: null };
    shared.set(map, value);
  }
  return value;
}

/** After a change of style or state: "loading" until MapLibre has drawn it and is idle again. */
export function redraw(map: maplibregl.Map): void {
  map.getContainer().dataset.state = 'loading';
  map.triggerRepaint();
}

/** Shows or hides layers (only when that changes: a layout change makes MapLibre lay out the tiles again). */
export function showLayers(map: maplibregl.Map, ids: readonly string[], visible: boolean): void {
  const visibility = visible ? 'visible' : 'none';
  for (const id of ids) if (map.getLayoutProperty(id, 'visibility') !== visibility) map.setLayoutProperty(id, 'visibility', visibility);
}
