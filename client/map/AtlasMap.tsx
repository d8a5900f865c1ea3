import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import maplibregl, { type ExpressionSpecification, type MapLayerMouseEvent } from 'maplibre-gl';
import type { Atlas } from '../data/atlas';
import { selectComune } from '../state/actions';
import { useMapStore } from '../state/map-store';
import { useViewStore } from '../state/view-store';
import { NO_DATA, POPULATION_FILL } from './themes';
import { atlasStyle } from './style';
import { tilesUrl } from './tile-urls';
import { useDrawStore } from '../builder/draw-store';
import { sharedOf } from './controllers/map-context';
import { useThemeColours } from './controllers/theme-colours';
import { useHighlightAndSelection } from './controllers/highlight-selection';
import { useOverlays } from './controllers/overlays';
import { useDrawing } from './controllers/drawing';
import { useCameraSync } from './controllers/camera-sync';
import { useKeyboardPicking } from './controllers/keyboard-picking';
import { usePlanLayer } from '../planner/plan-layer';
import { ITALY_CAMERA } from '../../domain/first-view';
import { comuneCodeOfFeatureId } from '../../domain/codes';

/** Tiles read from PMTiles archives (TILES_URL), by the reader in its own chunk (map/archive-protocol.ts). */
const readArchive: maplibregl.AddProtocolAction = (params, abort) => import('./archive-protocol').then(({ archiveProtocol }) => archiveProtocol.tile(params, abort));

/** Creates the MapLibre map: its controls, its busy state, and pointer events written to the stores. */
function createMap(element: HTMLDivElement, atlas: () => Atlas | null): maplibregl.Map {
  const { camera, theme, mode, service } = useViewStore.getState().view;
  // The default theme's colours need no attribute table (the tiles carry each Comune's class): the
  // first picture is drawn in them at once. Another theme or a service's coverage waits for its figures.
  const firstFill = theme === 'population' && !(mode === 'coverage' && service) ? POPULATION_FILL : (['literal', NO_DATA] as unknown as ExpressionSpecification);
  // Tiles from PMTiles archives elsewhere (TILES_URL): MapLibre reads them through this protocol.
  if (tilesUrl()) maplibregl.addProtocol('pmtiles', readArchive);
  const map = new maplibregl.Map({
    container: element,
    style: atlasStyle(window.location.origin, firstFill),
    ...(camera ? { center: [camera.lon, camera.lat], zoom: camera.zoom } : { bounds: [...ITALY_CAMERA] }),
    attributionControl: false,
    dragRotate: false,
    maxZoom: 16,
    // The TileJSON names tiles by path on this origin (unless the server has a PUBLIC_URL): the
    // map's worker needs them absolute.
    transformRequest: (url) => (url.startsWith('/') ? { url: `${window.location.origin}${url}` } : undefined),
  });
  const shared = sharedOf(map);
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
  // Busy for screen readers (and for tests and benchmarks) until every visible tile is drawn in its colours.
  element.setAttribute('aria-busy', 'true');
  map.on('dataloading', () => {
    element.dataset.state = 'loading';
    element.setAttribute('aria-busy', 'true');
  });
  // A camera still easing is not settled either (tests and benchmarks wait for it); readers are not told.
  map.on('movestart', () => {
    element.dataset.state = 'moving';
  });
  map.on('idle', () => {
    element.dataset.state = shared.themed ? 'idle' : 'loading';
    element.setAttribute('aria-busy', String(!shared.themed));
    if (shared.recolouring !== null && shared.themed) {
      performance.measure('ali:recolour-drawn', { start: shared.recolouring });
      shared.recolouring = null;
    }
  });
  const hover = (value: ReturnType<typeof useMapStore.getState>['hover']) => useMapStore.getState().set({ hover: value });
  // The Comune's code is its feature id (the overview tiles carry no `code` property).
  const code = (e: MapLayerMouseEvent) => comuneCodeOfFeatureId(e.features?.[0]?.id);
  map.on('mousemove', 'comuni-fill', (e) => {
    if (shared.overOverlay) return; // a circle or hub link drawn above the Comuni is named instead
    const c = code(e);
    map.getCanvas().style.cursor = c ? 'pointer' : '';
    hover(c ? { code: c, x: e.point.x, y: e.point.y } : null);
  });
  map.on('mouseleave', 'comuni-fill', () => {
    map.getCanvas().style.cursor = '';
    hover(null);
  });
  map.on('click', 'comuni-fill', (e) => {
    // The click that closes a drawing puts the tool away; it must not also pick the Comune under it.
    const drawing = useViewStore.getState().view.mode === 'build' && useDrawStore.getState().shape !== null;
    if (drawing || performance.now() - shared.lastDrawn < 500) return;
    const c = code(e);
    if (c) selectComune(atlas(), c, false);
  });
  return map;
}

/** The map's picture as drawn now, copied into a canvas (for a PNG or a printout). */
function snapshotOf(map: maplibregl.Map): () => Promise<HTMLCanvasElement> {
  // The WebGL buffer is read right after a frame is drawn (in its 'render' event), while it is still there.
  return () =>
    new Promise((resolve) => {
      map.once('render', () => {
        const copy = document.createElement('canvas');
        copy.width = map.getCanvas().width;
        copy.height = map.getCanvas().height;
        copy.getContext('2d')?.drawImage(map.getCanvas(), 0, 0);
        resolve(copy);
      });
      map.triggerRepaint();
    });
}

/**
 * The MapLibre map: tiles from our server, coloured by feature-state. What it shows is managed by
 * one controller per concern (map/controllers/), each reading its stores.
 */
export function AtlasMap({ atlas }: { atlas: Atlas | null }) {
  const container = useRef<HTMLDivElement>(null);
  const latestAtlas = useRef(atlas);
  const { t } = useTranslation();
  /** Set once the style has loaded: the controllers act on the map from then on. */
  const [map, setMap] = useState<maplibregl.Map | null>(null);

  useEffect(() => {
    latestAtlas.current = atlas;
  }, [atlas]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const created = createMap(element, () => latestAtlas.current);
    // Ready once the style is. The default theme is in the style from the start (drawn from the
    // overview tiles' classes); another theme is set before the first tiles arrive if its figures
    // are there, so that the tiles are drawn once, in their colours (not grey first, then again).
    created.once('style.load', () => setMap(created));
    useMapStore.getState().set({ snapshot: snapshotOf(created) });
    return () => {
      useMapStore.getState().set({ snapshot: null });
      setMap(null);
      created.remove();
    };
  }, []);

  useThemeColours(map, atlas);
  useHighlightAndSelection(map, atlas);
  useOverlays(map, atlas);
  useDrawing(map);
  useCameraSync(map);
  usePlanLayer(map);
  const centre = useKeyboardPicking(map, atlas);

  const centreRow = centre?.code && atlas ? atlas.row(centre.code) : undefined;
  const centreName = centreRow === undefined || !atlas ? null : atlas.table.name[centreRow];
  return (
    <>
      <div ref={container} className="atlas-map" data-testid="atlas-map" data-state="loading" />
      {centre && <div className="map-cross" style={{ left: centre.x, top: centre.y }} aria-hidden="true" data-testid="map-cross" />}
      <p className="visually-hidden" aria-live="polite" data-testid="map-centre">
        {centre ? (centreName ? t('map.centre', { name: centreName }) : t('map.centreNone')) : ''}
      </p>
    </>
  );
}
