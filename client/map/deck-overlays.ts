import { MapboxOverlay } from '@deck.gl/mapbox';
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Atlas } from '../data/atlas';
import { CIRCLE_FILL, CIRCLE_LINE, circleRadiusPx, HUB_LINK_COLOURS, type Rgba } from './overlay-style';

/** Proportional circles and hub links, drawn by deck.gl inside the MapLibre map (interleaved). */
export interface DeckOverlays {
  control: MapboxOverlay;
  show(options: { circles: boolean; hubs: boolean }): void;
}

/** A link fades in towards its hub: which end is the hub reads without arrows. */
const fromEnd = ([r, g, b]: Rgba): Rgba => [r, g, b, 40];

export function createDeckOverlays(atlas: Atlas): DeckOverlays {
  const t = atlas.table;
  const withPopulation = t.code.map((_, i) => i).filter((i) => (t.population[i] ?? 0) > 0);
  const links = t.code
    .map((code, i) => ({ i, hub: t.hub[i] ? atlas.row(t.hub[i] as string) : undefined, code }))
    .filter((l): l is { i: number; hub: number; code: string } => l.hub !== undefined && t.hub[l.i] !== l.code);

  const colourOf = (i: number): Rgba => HUB_LINK_COLOURS[t.innerAreaClass[i] ?? ''] ?? [120, 120, 120, 200];
  const control = new MapboxOverlay({ interleaved: true, layers: [] });
  return {
    control,
    show({ circles, hubs }) {
      control.setProps({
        layers: [
          circles &&
            new ScatterplotLayer<number>({
              id: 'population-circles',
              data: [...withPopulation].sort((a, b) => (t.population[b] ?? 0) - (t.population[a] ?? 0)),
              getPosition: (i) => [t.lon[i] as number, t.lat[i] as number],
              getRadius: (i) => circleRadiusPx(t.population[i] ?? 0),
              radiusUnits: 'pixels',
              // The biggest first, so that small Comuni stay visible on top.
              stroked: true,
              lineWidthMinPixels: 0.5,
              getFillColor: CIRCLE_FILL,
              getLineColor: CIRCLE_LINE,
            }),
          hubs &&
            new ArcLayer<{ i: number; hub: number }>({
              id: 'hub-links',
              data: links,
              // Flat: straight links, no tangle of arcs.
              getHeight: 0,
              getSourcePosition: (l) => [t.lon[l.i] as number, t.lat[l.i] as number],
              getTargetPosition: (l) => [t.lon[l.hub] as number, t.lat[l.hub] as number],
              getSourceColor: (l) => fromEnd(colourOf(l.i)),
              getTargetColor: (l) => colourOf(l.i),
              getWidth: 1.5,
              widthUnits: 'pixels',
            }),
        ].filter(Boolean),
      });
    },
  };
}

