import { useEffect, useRef } from 'react';
import type maplibregl from 'maplibre-gl';
import { useDrawStore } from '../../builder/draw-store';
import { useViewStore } from '../../state/view-store';
import type { DrawTools } from '../draw-tools';
import { sharedOf } from './map-context';

/** Drawing tools (terra-draw), loaded the first time a shape is chosen in the builder. */
export function useDrawing(map: maplibregl.Map | null): void {
  const building = useViewStore((s) => s.view.mode === 'build');
  const armed = useDrawStore((s) => s.shape);
  const shape = building ? armed : null;
  const tools = useRef<Promise<DrawTools> | null>(null);

  useEffect(() => {
    if (!map || (!tools.current && !shape)) return;
    tools.current ??= import('../draw-tools').then(({ createDrawTools }) =>
      createDrawTools(map, (polygon, areaKm2) => {
        sharedOf(map).lastDrawn = performance.now();
        void useDrawStore.getState().onDrawn(polygon, areaKm2);
      }),
    );
    void tools.current.then((loaded) => {
      loaded.use(shape);
      // Says which tool is ready (outlined map; tests wait for it).
      map.getContainer().dataset.drawing = shape ?? '';
    });
  }, [map, shape]);

  useEffect(
    () => () => {
      void tools.current?.then((loaded) => loaded.destroy()).catch(() => undefined); // the map may be gone first
      tools.current = null;
    },
    [map],
  );
}
