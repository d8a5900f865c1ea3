import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';

/** Population classes (residents) and a colour-blind-safe sequential palette (ColorBrewer YlGnBu). */
export const POPULATION_CLASSES = [0, 1000, 3000, 5000, 10000, 50000];
export const POPULATION_COLOURS = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'];

const populationFill: ExpressionSpecification = [
  'step',
  ['coalesce', ['get', 'population'], -1],
  '#d9d9d9',
  ...POPULATION_CLASSES.flatMap((limit, i) => [limit, POPULATION_COLOURS[i] as string]),
] as unknown as ExpressionSpecification;

/** The atlas style: everything drawn from our own tiles, no external sources, fonts or sprites. */
export function atlasStyle(tileJsonUrl: string): StyleSpecification {
  return {
    version: 8,
    sources: { atlas: { type: 'vector', url: tileJsonUrl } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef3f7' } },
      { id: 'comuni-fill', type: 'fill', source: 'atlas', 'source-layer': 'comuni', paint: { 'fill-color': populationFill } },
      {
        id: 'comuni-line', type: 'line', source: 'atlas', 'source-layer': 'comuni', minzoom: 7,
        paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.2, 12, 1] },
      },
      { id: 'provinces-line', type: 'line', source: 'atlas', 'source-layer': 'provinces', minzoom: 5, paint: { 'line-color': '#555', 'line-width': 0.8 } },
      { id: 'regions-line', type: 'line', source: 'atlas', 'source-layer': 'regions', paint: { 'line-color': '#222', 'line-width': 1.4 } },
    ],
  };
}
