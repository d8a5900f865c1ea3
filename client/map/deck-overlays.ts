import { MapboxOverlay } from '@deck.gl/mapbox';
import { ArcLayer, IconLayer, ScatterplotLayer, type IconLayerProps } from '@deck.gl/layers';
import type { PickingInfo } from '@deck.gl/core';
import type { Atlas } from '../data/atlas';
import { CIRCLE_FILL, CIRCLE_LINE, circleRadiusPx, HUB_LINK_COLOURS, type Rgba } from './overlay-style';

/** Proportional circles and hub links, drawn by deck.gl inside the MapLibre map (interleaved). */
export interface DeckOverlays {
  control: MapboxOverlay;
  show(options: { circles: boolean; hubs: boolean }): void;
}

/** A link fades in towards its hub, where an arrowhead points at it. */
const fromEnd = ([r, g, b]: Rgba): Rgba => [r, g, b, 40];

/** What the pointer is over: a Comune's circle, or the link from a Comune to its hub. */
export interface OverlayPick {
  code: string;
  hub?: string;
  x: number;
  y: number;
}

/**
 * One white arrowhead pointing east, drawn once on a canvas: deck.gl tints it (mask) and turns it.
 * Given as the canvas itself (a texture source), not a data URL that the CSP would refuse to fetch.
 */
function arrowAtlas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 32;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.beginPath();
  ctx.moveTo(30, 16);
  ctx.lineTo(4, 4);
  ctx.lineTo(10, 16);
  ctx.lineTo(4, 28);
  ctx.closePath();
  ctx.fill();
  return canvas;
}

/** Where on a link its arrowhead sits, from the Comune (0) to the hub (1). */
const ARROW_AT = 0.7;

/** Web Mercator y of a latitude, in degrees-like units: the direction of a link on screen. */
const mercatorY = (lat: number) => (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI;

export function createDeckOverlays(atlas: Atlas, onPick: (pick: OverlayPick | null) => void): DeckOverlays {
  const t = atlas.table;
  const withPopulation = t.code.map((_, i) => i).filter((i) => (t.population[i] ?? 0) > 0);
  const links = t.code
    .map((code, i) => ({ i, hub: t.hub[i] ? atlas.row(t.hub[i] as string) : undefined, code }))
    .filter((l): l is { i: number; hub: number; code: string } => l.hub !== undefined && t.hub[l.i] !== l.code);

  const colourOf = (i: number): Rgba => HUB_LINK_COLOURS[t.innerAreaClass[i] ?? ''] ?? [120, 120, 120, 200];
  const arrows = links.map((l) => {
    const [x0, y0, x1, y1] = [t.lon[l.i] as number, mercatorY(t.lat[l.i] as number), t.lon[l.hub] as number, mercatorY(t.lat[l.hub] as number)];
    const along = (a: number, b: number) => a + ARROW_AT * (b - a);
    return { ...l, angle: (Math.atan2(y1 - y0, x1 - x0) * 180) / Math.PI, at: [along(x0, x1), along(t.lat[l.i] as number, t.lat[l.hub] as number)] as [number, number] };
  });
  const arrowCanvas = arrowAtlas();
  // The circle or link under the pointer, reported with its Comune (and hub): the map names them.
  const onHover = (info: PickingInfo) => {
    const object = info.object as number | { i: number; hub: number } | undefined;
    if (object === undefined) return onPick(null);
    if (typeof object === 'number') return onPick({ code: t.code[object] as string, x: info.x, y: info.y });
    onPick({ code: t.code[object.i] as string, hub: t.code[object.hub] as string, x: info.x, y: info.y });
  };
  const control = new MapboxOverlay({ interleaved: true, layers: [], onHover, pickingRadius: 4 });
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
              pickable: true,
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
              pickable: true,
            }),
          hubs &&
            new IconLayer<{ i: number; hub: number; angle: number; at: [number, number] }>({
              id: 'hub-arrows',
              data: arrows,
              iconAtlas: arrowCanvas as unknown as IconLayerProps['iconAtlas'],
              iconMapping: { arrow: { x: 0, y: 0, width: 32, height: 32, mask: true, anchorX: 30, anchorY: 16 } },
              getIcon: () => 'arrow',
              // Along each link, nearer the hub, pointing at it: each link's direction reads on its own.
              getPosition: (l) => l.at,
              getAngle: (l) => l.angle,
              getColor: (l) => colourOf(l.i),
              getSize: 12,
              sizeUnits: 'pixels',
              pickable: false,
            }),
        ].filter(Boolean),
      });
    },
  };
}

