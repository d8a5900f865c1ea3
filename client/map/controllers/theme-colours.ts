import { useEffect } from 'react';
import type maplibregl from 'maplibre-gl';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Atlas } from '../../data/atlas';
import { useConfig } from '../../data/queries';
import { useViewStore } from '../../state/view-store';
import { coverageStates } from '../coverage-theme';
import { featureStates } from '../themes';
import { SOURCE } from '../style';
import { useShownTheme } from '../useShownTheme';
import { redraw, sharedOf } from './map-context';

/** Theme colours: the attribute table joined to the tiles, the thematic (or coverage) colours, the basemap and the area filter. */
export function useThemeColours(map: maplibregl.Map | null, atlas: Atlas | null): void {
  const { shown, coverage } = useShownTheme(atlas);
  const basemapUrl = useConfig()?.basemapUrl ?? null;
  const area = useViewStore((s) => s.view.area);

  // Join the attribute table to the tiles once: feature-state by numeric ISTAT code.
  useEffect(() => {
    if (!map || !atlas) return;
    for (const { id, state } of featureStates(atlas)) map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id }, state);
  }, [map, atlas]);

  useEffect(() => {
    if (!map || !shown || !atlas) return;
    const start = performance.now();
    if (coverage) {
      for (const { id, coverage: value } of coverageStates(atlas, coverage)) {
        map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id }, { coverage: value });
      }
    }
    map.setPaintProperty('comuni-fill', 'fill-color', shown.fillColour);
    const shared = sharedOf(map);
    shared.themed = true;
    // Timings for the benchmark: the recolour itself, and until the map is drawn again.
    performance.measure('ali:recolour', { start });
    shared.recolouring = start;
    redraw(map);
  }, [map, shown, atlas, coverage]);

  // Optional basemap (raster XYZ tiles from configuration), drawn under the Comuni.
  useEffect(() => {
    if (!map || !basemapUrl || map.getSource('basemap')) return;
    map.addSource('basemap', { type: 'raster', tiles: [basemapUrl], tileSize: 256 });
    map.addLayer({ id: 'basemap', type: 'raster', source: 'basemap' }, 'comuni-fill');
  }, [map, basemapUrl]);

  // Region / province filter: the rest of Italy is dimmed.
  useEffect(() => {
    if (!map) return;
    const base = basemapUrl ? 0.75 : 1;
    const opacity = area ? ['case', ['==', ['get', area.length === 2 ? 'region' : 'province'], area], base, 0.2] : base;
    map.setPaintProperty('comuni-fill', 'fill-opacity', opacity as ExpressionSpecification);
    redraw(map);
  }, [map, area, basemapUrl]);
}
