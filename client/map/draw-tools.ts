import type maplibregl from 'maplibre-gl';
import type { Polygon } from 'geojson';
import { area } from '@turf/area';
import { simplify } from '@turf/simplify';
import { TerraDraw, TerraDrawFreehandMode, TerraDrawPolygonMode, TerraDrawRectangleMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

import type { DrawShape } from './draw-shapes';

export interface DrawTools {
  /** Starts drawing a shape, or stops drawing with null. */
  use(shape: DrawShape | null): void;
  destroy(): void;
}

const MODE_OF: Record<DrawShape, string> = { lasso: 'freehand', polygon: 'polygon', rectangle: 'rectangle' };
const STYLE = { fillColor: '#cc79a7', outlineColor: '#7a1f5c', fillOpacity: 0.15, outlineWidth: 2 } as const;

/**
 * Drawing on the map with terra-draw: each finished shape is handed over once as a GeoJSON
 * polygon (simplified, with its area from turf) and removed, so the map keeps showing the Comuni it selected, not the drawing.
 * Escape cancels a drawing in progress (terra-draw's default key).
 */
export function createDrawTools(map: maplibregl.Map, onDrawn: (polygon: Polygon, areaKm2: number) => void): DrawTools {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawFreehandMode({ drawInteraction: 'click-move-or-drag', styles: STYLE }),
      new TerraDrawPolygonMode({ styles: STYLE }),
      new TerraDrawRectangleMode({ styles: STYLE }),
    ],
  });
  let started = false;

  draw.on('finish', (id) => {
    const feature = draw.getSnapshotFeature(id);
    // Removed after terra-draw has finished handling the event that completed the shape.
    setTimeout(() => draw.removeFeatures([id]), 0);
    if (feature?.geometry.type !== 'Polygon') return;
    // A freehand lasso has a vertex per mouse move: ~50 m is finer than any Comune's border matters here.
    const polygon = simplify(feature.geometry as Polygon, { tolerance: 0.0005, highQuality: true });
    onDrawn(polygon, area(polygon) / 1e6);
  });

  return {
    use(shape) {
      if (shape === null) {
        if (started) {
          draw.stop();
          started = false;
        }
        return;
      }
      if (!started) {
        draw.start();
        started = true;
      }
      draw.setMode(MODE_OF[shape]);
    },
    destroy() {
      if (started) draw.stop();
    },
  };
}
