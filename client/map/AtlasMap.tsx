import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import maplibregl, { type ExpressionSpecification, type MapLayerMouseEvent } from 'maplibre-gl';
import type { Atlas } from '../data/atlas';
import type { ViewState } from '../state/view-state';
import { featureStates, NO_DATA, type Theme } from './themes';
import { atlasStyle, HIGHLIGHT_LAYERS, MEMBER_LAYERS, OUTLINE_OVERLAYS, overlayLayerIds, SOURCE } from './style';
import type { DeckOverlays } from './deck-overlays';
import type { DrawShape } from './draw-shapes';
import type { DrawTools } from './draw-tools';
import { showAlliances } from './alliance-layers';
import { coverageStates, coverageTheme } from './coverage-theme';
import type { CoverageReport } from '../api/types';
import type { Polygon } from 'geojson';
import type { MemberStatus } from '../../domain/alliance';
import { statusState } from './member-status';
import { HUB_LINKS_MIN_ZOOM } from './overlay-style';
import type { MapHover } from './MapTooltip';
import { attachKeyboardPick, type KeyboardCentre } from './keyboard-pick';
import { Protocol } from 'pmtiles';
import { tilesUrl } from './tile-urls';

/** One reader of PMTiles archives for the page (it caches their headers and directories). */
const archiveProtocol = new Protocol();

const NO_STATUSES: ReadonlyMap<string, MemberStatus> = new Map();

const ITALY: [number, number, number, number] = [6.6, 36.6, 18.6, 47.1];
type Camera = NonNullable<ViewState['camera']>;

export interface Focus {
  bbox: [number, number, number, number];
  /** Changes each time the map should move, even to the same place. */
  key: number;
}

interface Props {
  atlas: Atlas | null;
  view: ViewState;
  theme: Theme | null;
  highlight: readonly string[];
  /** Members to outline, each with the index of its connected part (0, 1, …). */
  members: ReadonlyMap<string, number>;
  /** A shown alliance's members by status, filled in the status colours (declined and withdrawn ones too). */
  statuses?: ReadonlyMap<string, MemberStatus>;
  focus: Focus | null;
  basemapUrl?: string;
  label: string;
  onSelect(code: string): void;
  onCamera(camera: Camera): void;
  onHover(hover: MapHover | null): void;
  /** The part of the map on screen, after every move. */
  onBounds?(bbox: [number, number, number, number]): void;
  /** While set, the map draws this shape instead of selecting by click. */
  drawShape?: DrawShape | null;
  /** Pixels of the map a panel covers from below (phone layout): the camera centres above them. */
  insetBottom?: number;
  /** Changes when saved alliances change, to reload their overlay. */
  alliancesRevision?: number;
  /** A service's coverage to colour the Comuni by, instead of the theme. */
  coverage?: CoverageReport | null;
  onDrawn?(polygon: Polygon, areaKm2: number): void;
  /** Receives a function that copies the map as drawn now into a canvas (for a PNG or a printout). */
  onSnapshot?(snapshot: (() => Promise<HTMLCanvasElement>) | null): void;
}

/** Shows or hides layers (only when that changes: a layout change makes MapLibre lay out the tiles again). */
function showLayers(map: maplibregl.Map, ids: readonly string[], visible: boolean): void {
  const visibility = visible ? 'visible' : 'none';
  for (const id of ids) if (map.getLayoutProperty(id, 'visibility') !== visibility) map.setLayoutProperty(id, 'visibility', visibility);
}

/** The MapLibre map: style from our tiles, thematic colours joined by feature-state, deck.gl overlays. */
export function AtlasMap(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  /** The Comune under the centre cross while the map has keyboard focus. */
  const [keyboardCentre, setKeyboardCentre] = useState<KeyboardCentre | null>(null);
  const deck = useRef<Promise<DeckOverlays> | null>(null);
  const drawTools = useRef<Promise<DrawTools> | null>(null);
  /** When the last drawing closed (performance.now()), to tell its closing click from a pick. */
  const lastDrawn = useRef(-Infinity);
  /** Whether the pointer is over a deck.gl circle or link (they are named rather than the Comune below). */
  const overOverlay = useRef(false);
  const highlighted = useRef<readonly string[]>([]);
  const outlined = useRef<ReadonlyMap<string, number>>(new Map());
  const coloured = useRef<ReadonlyMap<string, MemberStatus>>(new Map());
  /** True once the thematic colours are on the map: only then is the map "idle" (fully drawn). */
  const themed = useRef(false);
  /** Start of the last recolour not yet drawn (for the benchmark's timing). */
  const recolouring = useRef<number | null>(null);
  const { atlas, view, theme, highlight, focus, members } = props;

  /** After a change of style or state: "loading" until MapLibre has drawn it and is idle again. */
  const redraw = (map: maplibregl.Map) => {
    if (container.current) container.current.dataset.state = 'loading';
    map.triggerRepaint();
  };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const camera = callbacks.current.view.camera;
    // Tiles from PMTiles archives elsewhere (TILES_URL): MapLibre reads them through this protocol.
    if (tilesUrl()) maplibregl.addProtocol('pmtiles', archiveProtocol.tile);
    const map = new maplibregl.Map({
      container: element,
      style: atlasStyle(window.location.origin, ['literal', NO_DATA] as unknown as ExpressionSpecification),
      ...(camera ? { center: [camera.lon, camera.lat], zoom: camera.zoom } : { bounds: ITALY }),
      attributionControl: false,
      dragRotate: false,
      maxZoom: 16,
      // The TileJSON names tiles by path on this origin (unless the server has a PUBLIC_URL): the
      // map's worker needs them absolute.
      transformRequest: (url) => (url.startsWith('/') ? { url: `${window.location.origin}${url}` } : undefined),
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    const detachKeyboard = attachKeyboardPick(map, 'comuni-fill', {
      onCentre: setKeyboardCentre,
      onPick: (code) => callbacks.current.onSelect(code),
    });
    // Ready once the style is: the attribute table is joined and the theme set before the first
    // tiles arrive, so they are drawn once, in their colours (not grey first, then again).
    map.once('style.load', () => setReady(true));
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
      element.dataset.state = themed.current ? 'idle' : 'loading';
      element.setAttribute('aria-busy', String(!themed.current));
      if (recolouring.current !== null && themed.current) {
        performance.measure('ali:recolour-drawn', { start: recolouring.current });
        recolouring.current = null;
      }
    });
    const reportBounds = () => {
      const b = map.getBounds();
      callbacks.current.onBounds?.([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    };
    map.on('load', reportBounds);
    map.on('moveend', () => {
      reportBounds();
      const c = map.getCenter();
      callbacks.current.onCamera({ lon: c.lng, lat: c.lat, zoom: map.getZoom() });
    });
    const code = (e: MapLayerMouseEvent) => e.features?.[0]?.properties?.code as string | undefined;
    map.on('mousemove', 'comuni-fill', (e) => {
      if (overOverlay.current) return; // a circle or hub link drawn above the Comuni is named instead
      const c = code(e);
      map.getCanvas().style.cursor = c ? 'pointer' : '';
      callbacks.current.onHover(c ? { code: c, x: e.point.x, y: e.point.y } : null);
    });
    map.on('mouseleave', 'comuni-fill', () => {
      map.getCanvas().style.cursor = '';
      callbacks.current.onHover(null);
    });
    map.on('click', 'comuni-fill', (e) => {
      // The click that closes a drawing puts the tool away; it must not also pick the Comune under it.
      if (callbacks.current.drawShape || performance.now() - lastDrawn.current < 500) return;
      const c = code(e);
      if (c) callbacks.current.onSelect(c);
    });
    mapRef.current = map;
    // The WebGL buffer is read right after a frame is drawn (in its 'render' event), while it is still there.
    callbacks.current.onSnapshot?.(
      () =>
        new Promise((resolve) => {
          map.once('render', () => {
            const copy = document.createElement('canvas');
            copy.width = map.getCanvas().width;
            copy.height = map.getCanvas().height;
            copy.getContext('2d')?.drawImage(map.getCanvas(), 0, 0);
            resolve(copy);
          });
          map.triggerRepaint();
        }),
    );
    return () => {
      callbacks.current.onSnapshot?.(null);
      void drawTools.current?.then((tools) => tools.destroy());
      drawTools.current = null;
      detachKeyboard();
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // Join the attribute table to the tiles once: feature-state by numeric ISTAT code.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !atlas) return;
    for (const { id, state } of featureStates(atlas)) map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id }, state);
  }, [ready, atlas]);

  const coverage = props.coverage ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !theme || !atlas) return;
    const start = performance.now();
    if (coverage) {
      for (const { id, coverage: value } of coverageStates(atlas, coverage)) {
        map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id }, { coverage: value });
      }
    }
    map.setPaintProperty('comuni-fill', 'fill-color', coverage ? coverageTheme(coverage.obligation).fillColour : theme.fillColour);
    themed.current = true;
    // Timings for the benchmark: the recolour itself, and until the map is drawn again.
    performance.measure('ali:recolour', { start });
    recolouring.current = start;
    redraw(map);
  }, [ready, theme, atlas, coverage]);

  // Optional basemap (raster XYZ tiles from configuration), drawn under the Comuni.
  useEffect(() => {
    const map = mapRef.current;
    const url = props.basemapUrl;
    if (!ready || !map || !url || map.getSource('basemap')) return;
    map.addSource('basemap', { type: 'raster', tiles: [url], tileSize: 256 });
    map.addLayer({ id: 'basemap', type: 'raster', source: 'basemap' }, 'comuni-fill');
  }, [ready, props.basemapUrl]);

  // Region / province filter: the rest of Italy is dimmed.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const area = view.area;
    const base = props.basemapUrl ? 0.75 : 1;
    const opacity = area
      ? ['case', ['==', ['get', area.length === 2 ? 'region' : 'province'], area], base, 0.2]
      : base;
    map.setPaintProperty('comuni-fill', 'fill-opacity', opacity as ExpressionSpecification);
    redraw(map);
  }, [ready, view.area, props.basemapUrl]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    map.setFilter('comuni-selected', ['==', ['get', 'code'], view.selected ?? '']);
    redraw(map);
  }, [ready, view.selected]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    for (const id of Object.keys(OUTLINE_OVERLAYS)) {
      const visibility = view.overlays.includes(id as never) ? 'visible' : 'none';
      for (const layer of overlayLayerIds(id)) map.setLayoutProperty(layer, 'visibility', visibility);
    }
    showAlliances(map, view.overlays.includes('alliances'), props.alliancesRevision ?? 0);
    redraw(map);
    const circles = view.overlays.includes('circles');
    const hubs = view.overlays.includes('hubs');
    if (!atlas || (!deck.current && !circles && !hubs)) return;
    // deck.gl is loaded only when one of its overlays is first shown.
    deck.current ??= import('./deck-overlays').then(({ createDeckOverlays }) => {
      const overlays = createDeckOverlays(atlas, (pick) => {
        overOverlay.current = pick !== null;
        if (pick) callbacks.current.onHover(pick);
      });
      map.addControl(overlays.control);
      return overlays;
    });
    // Hub links only from HUB_LINKS_MIN_ZOOM on: nationally they are a tangle (the legend says so).
    const show = () =>
      void deck.current?.then((overlays) => {
        overlays.show({ circles, hubs: hubs && map.getZoom() >= HUB_LINKS_MIN_ZOOM });
        redraw(map);
      });
    show();
    if (!hubs) return;
    map.on('zoomend', show);
    return () => {
      map.off('zoomend', show);
    };
  }, [ready, atlas, view.overlays, props.alliancesRevision]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const set = (codes: readonly string[], value: boolean) => {
      for (const c of codes) map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id: Number(c) }, { highlight: value });
    };
    set(highlighted.current, false);
    set(highlight, true);
    highlighted.current = highlight;
    showLayers(map, HIGHLIGHT_LAYERS, highlight.length > 0);
    redraw(map);
  }, [ready, highlight]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const state = (code: string, part: number) =>
      map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id: Number(code) }, { part });
    for (const code of outlined.current.keys()) if (!members.has(code)) state(code, 0);
    for (const [code, part] of members) if (outlined.current.get(code) !== part) state(code, part + 1);
    outlined.current = members;
    showLayers(map, MEMBER_LAYERS, members.size > 0 || coloured.current.size > 0);
    redraw(map);
  }, [ready, members]);

  const statuses = props.statuses ?? NO_STATUSES;
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const state = (code: string, value: number) => map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id: Number(code) }, { status: value });
    for (const code of coloured.current.keys()) if (!statuses.has(code)) state(code, 0);
    for (const [code, s] of statuses) if (coloured.current.get(code) !== s) state(code, statusState(s));
    coloured.current = statuses;
    showLayers(map, MEMBER_LAYERS, statuses.size > 0 || outlined.current.size > 0);
    redraw(map);
  }, [ready, statuses]);

  // Drawing tools (terra-draw) are loaded the first time a shape is chosen.
  const drawShape = props.drawShape ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || (!drawTools.current && !drawShape)) return;
    drawTools.current ??= import('./draw-tools').then(({ createDrawTools }) =>
      createDrawTools(map, (polygon, areaKm2) => {
        lastDrawn.current = performance.now();
        callbacks.current.onDrawn?.(polygon, areaKm2);
      }),
    );
    void drawTools.current.then((tools) => {
      tools.use(drawShape);
      // Says which tool is ready (outlined map; tests wait for it).
      if (container.current) container.current.dataset.drawing = drawShape ?? '';
    });
  }, [ready, drawShape]);

  useEffect(() => {
    const map = mapRef.current;
    // The map's own padding (a phone's sheet, see insetBottom) is added to this one by MapLibre.
    if (ready && map && focus) map.fitBounds(focus.bbox, { padding: 40, maxZoom: 11, duration: 800 });
  }, [ready, focus]);

  const insetBottom = props.insetBottom ?? 0;
  const insetRef = useRef(insetBottom);
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || insetRef.current === insetBottom) return;
    insetRef.current = insetBottom;
    map.easeTo({ padding: { top: 0, left: 0, right: 0, bottom: insetBottom }, duration: 300 });
  }, [ready, insetBottom]);

  // Camera from the URL (Back / Forward): move only when it differs from where the map is.
  useEffect(() => {
    const map = mapRef.current;
    const camera = view.camera;
    if (!ready || !map || !camera) return;
    const c = map.getCenter();
    if (Math.abs(c.lng - camera.lon) > 1e-3 || Math.abs(c.lat - camera.lat) > 1e-3 || Math.abs(map.getZoom() - camera.zoom) > 0.01) {
      map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
    }
  }, [ready, view.camera]);

  // The canvas says how to use it from the keyboard, in the current language.
  const keyboardLabel = `${props.label}. ${t('map.keyboard')}`;
  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', keyboardLabel);
  }, [ready, keyboardLabel]);

  const centreRow = keyboardCentre?.code && atlas ? atlas.row(keyboardCentre.code) : undefined;
  const centreName = centreRow === undefined || !atlas ? null : atlas.table.name[centreRow];
  return (
    <>
      <div ref={container} className="atlas-map" data-testid="atlas-map" data-state="loading" />
      {keyboardCentre && <div className="map-cross" style={{ left: keyboardCentre.x, top: keyboardCentre.y }} aria-hidden="true" data-testid="map-cross" />}
      <p className="visually-hidden" aria-live="polite" data-testid="map-centre">
        {keyboardCentre ? (centreName ? t('map.centre', { name: centreName }) : t('map.centreNone')) : ''}
      </p>
    </>
  );
}
