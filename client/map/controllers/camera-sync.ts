import { useEffect, useRef } from 'react';
import type maplibregl from 'maplibre-gl';
import { useMapStore } from '../../state/map-store';
import { useViewStore } from '../../state/view-store';

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

  // The map's own padding (a phone's sheet, see insetBottom) is added to this one by MapLibre.
  useEffect(() => {
    if (map && focus) map.fitBounds(focus.bbox, { padding: 40, maxZoom: 11, duration: 800 });
  }, [map, focus]);

  useEffect(() => {
    if (!map || inset.current === insetBottom) return;
    inset.current = insetBottom;
    map.easeTo({ padding: { top: 0, left: 0, right: 0, bottom: insetBottom }, duration: 300 });
  }, [map, insetBottom]);

  // Camera from the URL (Back / Forward): move only when it differs from where the map is.
  useEffect(() => {
    if (!map || !camera) return;
    const c = map.getCenter();
    if (Math.abs(c.lng - camera.lon) > 1e-3 || Math.abs(c.lat - camera.lat) > 1e-3 || Math.abs(map.getZoom() - camera.zoom) > 0.01) {
      map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
    }
  }, [map, camera]);
}
