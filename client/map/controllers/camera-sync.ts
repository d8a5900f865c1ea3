import { useEffect, useRef } from 'react';
import type maplibregl from 'maplibre-gl';
import { useMapStore, type Focus } from '../../state/map-store';
import { useViewStore } from '../../state/view-store';

/**
 * Moves the map to show a box in the part of the map no panel covers. The map's own padding (a
 * phone's sheet, see insetBottom) is added to this one by MapLibre; on a phone little is left, so
 * the margin shrinks with it, and where nothing is left the map still centres on the box (MapLibre
 * would not move at all).
 */
export function fitInView(map: maplibregl.Map, bbox: [number, number, number, number], insetBottom: number): void {
  // The sheet's inset first (at once): an animation of it would stop this move half-way.
  map.setPadding({ top: 0, left: 0, right: 0, bottom: insetBottom });
  const { width, height } = map.getContainer().getBoundingClientRect();
  const free = Math.min(width, height - insetBottom);
  const padding = Math.max(0, Math.min(40, Math.floor(free / 6)));
  const camera = free > 20 ? map.cameraForBounds(bbox, { padding, maxZoom: 11 }) : undefined;
  if (camera) map.easeTo({ ...camera, duration: 800 });
  else map.easeTo({ center: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2], zoom: Math.max(map.getZoom(), 9), duration: 800 });
}

/**
 * Camera sync: the map follows a requested fit (focus), a phone's bottom sheet (inset) and the
 * URL's camera (Back / Forward); its own moves are written to the URL and the bounds to the map store.
 */
export function useCameraSync(map: maplibregl.Map | null): void {
  const focus = useMapStore((s) => s.focus);
  const insetBottom = useMapStore((s) => s.insetBottom);
  const camera = useViewStore((s) => s.view.camera);
  const inset = useRef(insetBottom);

  useEffect(() => {
    if (!map) return;
    const reportBounds = () => {
      const b = map.getBounds();
      useMapStore.getState().set({ bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] });
    };
    const onMoveEnd = () => {
      reportBounds();
      const c = map.getCenter();
      useViewStore.getState().update({ camera: { lon: c.lng, lat: c.lat, zoom: map.getZoom() } }, { replace: true });
    };
    reportBounds();
    map.on('moveend', onMoveEnd);
    return () => {
      map.off('moveend', onMoveEnd);
    };
  }, [map]);

  // A fit asked for, and the sheet opening or resizing meanwhile (a Comune chosen on a phone opens
  // its details): the fit is done again for the new inset rather than being stopped by it.
  const fitted = useRef<{ focus: Focus; at: number } | null>(null);
  useEffect(() => {
    if (!map || !focus) return;
    fitted.current = { focus, at: performance.now() };
    inset.current = useMapStore.getState().insetBottom;
    fitInView(map, focus.bbox, inset.current);
  }, [map, focus]);

  // A panel appearing or going beside the map (a wide screen) makes the map narrower or wider: while
  // nobody has moved the map since, the last fit is done again for the space left.
  useEffect(() => {
    if (!map) return;
    const onUserMove = (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) fitted.current = null;
    };
    const onResize = () => {
      if (fitted.current) fitInView(map, fitted.current.focus.bbox, useMapStore.getState().insetBottom);
    };
    map.on('movestart', onUserMove);
    map.on('resize', onResize);
    return () => {
      map.off('movestart', onUserMove);
      map.off('resize', onResize);
    };
  }, [map]);

  useEffect(() => {
    if (!map || inset.current === insetBottom) return;
    inset.current = insetBottom;
    const recent = fitted.current && performance.now() - fitted.current.at < 2000 ? fitted.current.focus : null;
    if (recent) fitInView(map, recent.bbox, insetBottom);
    else map.easeTo({ padding: { top: 0, left: 0, right: 0, bottom: insetBottom }, duration: 300 });
  }, [map, insetBottom]);

  // Camera from the URL (Back / Forward): move only when it differs from where the map is.
  useEffect(() => {
    if (!map || !camera) return;
    const c = map.getCenter();
    if (Math.abs(c.lng - camera.lon) > 1e-3 || Math.abs(c.lat - camera.lat) > 1e-3 || Math.abs(map.getZoom() - camera.zoom) > 0.01) {
      fitted.current = null;
      map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
    }
  }, [map, camera]);
}
