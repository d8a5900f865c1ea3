import { Color, createExpression } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AtlasTable } from '../../domain/atlas-table';
import { POPULATION_CLASS_FIELD } from '../../domain/first-view';
import { Atlas } from '../../client/data/atlas';
import { buildTheme, NO_DATA, POPULATION_FILL } from '../../client/map/themes';
import { withPopulationClass } from '../../server/tiles/overview';

const populations = [120, 800, 2500, 4200, 9000, 15000, 70000, 350, 1900, 30000, 610, 5400, 12000, 250, null];
const codes = populations.map((_, i) => `001${String(i + 1).padStart(3, '0')}`);
const table = {
  dataVersion: 1,
  populationYear: 2020,
  code: codes,
  name: codes,
  province: codes.map(() => '001'),
  region: codes.map(() => '01'),
  population: populations,
  density: populations.map(() => null),
  area: populations.map(() => 10),
  mountain: populations.map(() => 0),
  innerAreaClass: populations.map(() => null),
  hub: populations.map(() => null),
  lon: populations.map(() => 7),
  lat: populations.map(() => 45),
  associations: populations.map(() => 0),
  unioni: populations.map(() => 0),
  provinces: [],
  regions: [],
} as unknown as AtlasTable;

/** The Comuni as the tile server classes them (server/tiles/overview.ts), before they are cut into tiles. */
const tiled = withPopulationClass({
  type: 'FeatureCollection',
  features: codes.map((code, i): Feature<Polygon> => ({
    type: 'Feature',
    id: Number(code),
    properties: { population: populations[i] },
    geometry: { type: 'Polygon', coordinates: [[[7, 45], [7.1, 45], [7.1, 45.1], [7, 45]]] },
  })),
});

const fill = createExpression(POPULATION_FILL, { type: 'color', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } } as never);
if (fill.result !== 'success') throw new Error(JSON.stringify(fill.value));
const colourOf = (properties: Record<string, unknown>) => (fill.value.evaluate({ zoom: 5 }, { type: 'Polygon', properties } as never) as Color).toString();

describe('the default theme (population)', () => {
  it('colours each Comune from the class its tile carries, as the legend row of its population', () => {
    const legend = buildTheme('population', new Atlas(table)).legend;
    for (const [i, feature] of tiled.features.entries()) {
      const population = populations[i];
      const properties = feature.properties ?? {};
      expect(properties).not.toHaveProperty('population');
      const row = population === null || population === undefined ? legend.find((r) => r.kind === 'label') : legend.find((r) => r.kind === 'range' && population >= r.from && (r.to === null || population < r.to));
      expect(row, String(population)).toBeDefined();
      expect(colourOf(properties), `${codes[i]}: ${population}`).toBe(Color.parse(row!.colour)!.toString());
    }
  });

  it('draws a Comune whose tile carries no class in the no-data grey', () => {
    expect(colourOf({})).toBe(Color.parse(NO_DATA)!.toString());
    expect(tiled.features.at(-1)?.properties).not.toHaveProperty(POPULATION_CLASS_FIELD);
  });
});
