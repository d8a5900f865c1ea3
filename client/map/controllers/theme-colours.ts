import { useEffect } from 'react';
import type maplibregl from 'maplibre-gl';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Atlas } from '../../data/atlas';
import { useConfig } from '../../data/queries';
import { useViewStore } from '../../state/view-store';
import { coverageStates } from '../coverage-theme';
import { featureStates, POPULATION_FILL } from '../themes';
import { SOURCE } from '../style';
import { useShownTheme } from '../useShownTheme';
import { redraw, sharedOf } from './map-context';

/** Theme colours: the attribute table joined to the tiles, the thematic (or coverage) colours, the basemap and the area filter. */
export function useThemeColours(map: maplibregl.Map | null, atlas: Atlas | null): void {
  const { shown, coverage } = useShownTheme(atlas);
  const basemapUrl = useConfig()?.basemapUrl ?? null;
  const area = useViewStore((s) => s.view.area);

  useEffect(() => {
    if (!map || !shown || !atlas) return;
    const start = performance.now();
    const shared = sharedOf(map);
    // The attribute table is joined to the tiles (feature-state by numeric ISTAT code) once, when a
    // theme first needs its figures. The default theme's colours travel in the tiles (each Comune's
    // class): the national first view, and the default map at any zoom, need no join, which would
    // apply ~7,900 states to every tile and draw them all again.
    if (shared.joined !== atlas && shown.fillColour !== POPULATION_FILL) {
      shared.joined = atlas;
      for (const { id, state } of featureStates(atlas)) map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id }, state);
    }
    if (coverage) {
      for (const { id, coverage: value } of coverageStates(atlas, coverage)) {
        map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id }, { coverage: value });
      }
    }
    map.setPaintProperty('comuni-fill', 'fill-color', shown.fillColour);
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
