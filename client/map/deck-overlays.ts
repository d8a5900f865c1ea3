import { MapboxOverlay } from '@deck.gl/mapbox';
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Atlas } from '../data/atlas';

/** Proportional circles and hub links, drawn by deck.gl inside the MapLibre map (interleaved). */
export interface DeckOverlays {
  control: MapboxOverlay;
  show(options: { circles: boolean; hubs: boolean }): void;
}

type Rgba = [number, number, number, number];
const CIRCLE_FILL: Rgba = [8, 81, 156, 90];
const CIRCLE_LINE: Rgba = [8, 48, 107, 200];
// Okabe–Ito orange to sky blue by inner-area class (B … F); hubs (A) have no link.
const ARC_COLOURS: Record<string, Rgba> = {
  B: [230, 159, 0, 160],
  C: [240, 228, 66, 160],
  D: [86, 180, 233, 160],
  E: [0, 114, 178, 170],
  F: [0, 62, 120, 190],
};

export function createDeckOverlays(atlas: Atlas): DeckOverlays {
  const t = atlas.table;
  const withPopulation = t.code.map((_, i) => i).filter((i) => (t.population[i] ?? 0) > 0);
  const links = t.code
    .map((code, i) => ({ i, hub: t.hub[i] ? atlas.row(t.hub[i] as string) : undefined, code }))
    .filter((l): l is { i: number; hub: number; code: string } => l.hub !== undefined && t.hub[l.i] !== l.code);

  const control = new MapboxOverlay({ interleaved: true, layers: [] });
  return {
    control,
    show({ circles, hubs }) {
      control.setProps({
        layers: [
          circles &&
            new ScatterplotLayer<number>({
              id: 'population-circles',
              data: withPopulation,
              getPosition: (i) => [t.lon[i] as number, t.lat[i] as number],
              getRadius: (i) => Math.sqrt(t.population[i] ?? 0) * 25,
              radiusUnits: 'meters',
              radiusMinPixels: 1,
              stroked: true,
              lineWidthMinPixels: 0.5,
              getFillColor: CIRCLE_FILL,
              getLineColor: CIRCLE_LINE,
            }),
          hubs &&
            new ArcLayer<{ i: number; hub: number }>({
              id: 'hub-links',
              data: links,
              getSourcePosition: (l) => [t.lon[l.i] as number, t.lat[l.i] as number],
              getTargetPosition: (l) => [t.lon[l.hub] as number, t.lat[l.hub] as number],
              getSourceColor: (l) => ARC_COLOURS[t.innerAreaClass[l.i] ?? ''] ?? [120, 120, 120, 120],
              getTargetColor: [60, 60, 60, 160],
              getWidth: 1,
              widthMinPixels: 0.6,
            }),
        ].filter(Boolean),
      });
    },
  };
}

export const ARC_LEGEND = ARC_COLOURS;
