import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AtlasTable } from '../../domain/atlas-table';
import { Atlas } from '../../client/data/atlas';
import { initI18n } from '../../client/i18n';
import { Legend } from '../../client/legend/Legend';
import { buildTheme, PALETTES } from '../../client/map/themes';

// A small table cut to the shape the server sends.
const table: AtlasTable = {
  dataVersion: 1,
  populationYear: 2020,
  code: ['001001', '001002', '001003', '001004', '001005', '001006', '001007', '001008'],
  name: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
  province: Array(8).fill('001'),
  region: Array(8).fill('01'),
  population: [120, 800, 2500, 4200, 9000, 15000, 70000, null],
  density: [10, 20, 30.5, 40, 80, 160, 900, null],
  area: [12, 40, 82, 105, 112, 94, 78, 10],
  mountain: [1, 1, 0, 0, 0, 0, 0, 0],
  innerAreaClass: ['A', 'B', 'C', 'D', 'E', 'F', null, null],
  hub: Array(8).fill(null),
  lon: Array(8).fill(7),
  lat: Array(8).fill(45),
  associations: [0, 1, 2, 3, 0, 0, 5, 0],
  unioni: [0, 1, 1, 2, 0, 0, 1, 0],
  provinces: [],
  regions: [],
};
const atlas = new Atlas(table);

describe('Legend', () => {
  it('lists the population classes with Italian numbers, no-data and the source', async () => {
    const i18n = initI18n('it');
    await i18n.changeLanguage('it');
    const html = renderToStaticMarkup(<Legend theme={buildTheme('population', atlas)} overlays={['snai']} />);
    expect(html).toContain('Popolazione residente');
    expect(html).toContain('Nessun dato');
    expect(html).toMatch(/9\.000 – 14\.999/);
    expect(html).toContain('70.000 e oltre');
    expect(html).toContain('Fonte: ISTAT 2020');
    expect(html).toContain('Aree SNAI');
    expect(html).toContain('· DPCoe-NUVAP 2022'); // each overlay names its dataset and year
    for (const colour of PALETTES.ylGnBu.slice(0, 6)) expect(html.toLowerCase()).toContain(colour);
  });

  it('names the inner-area classes and the associations count in English', async () => {
    const i18n = initI18n('en');
    await i18n.changeLanguage('en');
    const inner = renderToStaticMarkup(<Legend theme={buildTheme('innerAreas', atlas)} overlays={[]} />);
    expect(inner).toContain('A – Hub');
    expect(inner).toContain('F – Ultra-peripheral');
    const counts = renderToStaticMarkup(<Legend theme={buildTheme('associations', atlas)} overlays={[]} />);
    expect(counts).toContain('1 association');
    expect(counts).toContain('2 associations');
    expect(counts).toContain('3 or more');
  });
});
