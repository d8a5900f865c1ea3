import type { ExpressionSpecification } from 'maplibre-gl';
import { quantileBreaks } from '../../domain/classify';
import { POPULATION_CLASSES, POPULATION_CLASS_FIELD } from '../../domain/first-view';
import { SMALL_COMUNE_MAX_POPULATION } from '../../domain/thresholds';
import type { Atlas } from '../data/atlas';
import type { ThemeId } from '../state/view-state';

/** Colour-blind-safe palettes (ColorBrewer, viridis). */
export const PALETTES = {
  ylGnBu: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
  viridis: ['#fde725', '#90d743', '#35b779', '#21918c', '#31688e', '#443983', '#440154'],
  innerAreas: ['#440154', '#414487', '#2a788e', '#22a884', '#7ad151', '#fde725'],
  blues: ['#eff3ff', '#9ecae1', '#4292c6', '#08519c'],
  smallPair: ['#e66101', '#5e3c99'],
} as const;
export const NO_DATA = '#bdbdbd';

/** One legend row: a colour and what it means (a translation key with values, or a range). */
export type LegendItem =
  | { colour: string; kind: 'range'; from: number; to: number | null; digits: number }
  | { colour: string; kind: 'label'; key: string; values?: Record<string, string | number> };

export interface Theme {
  id: ThemeId | 'coverage';
  /** The feature-state key the theme reads (the default theme: the tile property with its class). */
  stateKey: string;
  fillColour: ExpressionSpecification;
  legend: LegendItem[];
  /** Source and year to show under the legend (in both languages where it has words to translate). */
  source: string | { it: string; en: string };
}

/** A theme's source in the page's language. */
export const themeSource = (theme: Pick<Theme, 'source'>, language: string): string =>
  typeof theme.source === 'string' ? theme.source : theme.source[language === 'en' ? 'en' : 'it'];

/**
 * The default theme's colours, one per class: the class every Comuni tile carries (server/tiles/
 * overview.ts). The expression needs no figure of the attribute table: the map's first style holds
 * it and draws the first picture in its colours before the table arrives, and it stays the same
 * when the table is there (a new expression would make MapLibre lay out every tile again).
 */
export const POPULATION_FILL = [
  'step',
  ['coalesce', ['get', POPULATION_CLASS_FIELD], -1],
  NO_DATA,
  ...PALETTES.ylGnBu.flatMap((colour, i) => [i, colour]),
] as unknown as ExpressionSpecification;

/** The default theme's class limits (quantiles of the population), as the tiles' classes (server/tiles/overview.ts). */
const populationBreaks = (atlas: Atlas): number[] => quantileBreaks(atlas.table.population.filter((p): p is number => p !== null), POPULATION_CLASSES);

/** Feature-state values for each Comune, joined to the tiles by numeric ISTAT code. */
export function featureStates(atlas: Atlas): { id: number; state: Record<string, number | null> }[] {
  const t = atlas.table;
  return t.code.map((code, i) => {
    const population = t.population[i] ?? null;
    const iac = t.innerAreaClass[i];
    return {
      id: Number(code),
      state: {
        density: t.density[i] ?? null,
        small: population === null ? null : population <= SMALL_COMUNE_MAX_POPULATION ? 1 : 0,
        innerAreas: iac ? 'ABCDEF'.indexOf(iac) : null,
        associations: t.associations[i] ?? 0,
      },
    };
  });
}

function stepped(stateKey: string, breaks: number[], colours: readonly string[]): ExpressionSpecification {
  const steps: (string | number)[] = [];
  breaks.forEach((b, i) => steps.push(b, colours[i + 1] as string));
  return [
    'case',
    ['==', ['typeof', ['feature-state', stateKey]], 'number'],
    ['step', ['feature-state', stateKey], colours[0] as string, ...steps],
    NO_DATA,
  ] as unknown as ExpressionSpecification;
}

function rangeLegend(breaks: number[], colours: readonly string[], min: number, digits = 0): LegendItem[] {
  const limits = [min, ...breaks];
  return limits.map((from, i) => ({
    colour: colours[i] as string,
    kind: 'range' as const,
    from,
    to: i + 1 < limits.length ? (limits[i + 1] as number) : null,
    digits,
  }));
}

/** Builds a theme from the data: quantile classes for quantities, fixed classes for categories. */
export function buildTheme(id: ThemeId, atlas: Atlas): Theme {
  const t = atlas.table;
  const year = t.populationYear ?? 2020;
  const istat = `ISTAT ${year}`;
  const numbers = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  switch (id) {
    case 'population': {
      const breaks = populationBreaks(atlas);
      return {
        id,
        stateKey: POPULATION_CLASS_FIELD,
        fillColour: POPULATION_FILL,
        legend: [...rangeLegend(breaks, PALETTES.ylGnBu, Math.min(...numbers(t.population))), { colour: NO_DATA, kind: 'label', key: 'legend.noData' }],
        source: istat,
      };
    }
    case 'density': {
      const values = numbers(t.density);
      const breaks = quantileBreaks(values, PALETTES.viridis.length);
      return {
        id,
        stateKey: id,
        fillColour: stepped(id, breaks, PALETTES.viridis),
        legend: [...rangeLegend(breaks, PALETTES.viridis, Math.min(...values), 1), { colour: NO_DATA, kind: 'label', key: 'legend.noData' }],
        source: istat,
      };
    }
    case 'small':
      return {
        id,
        stateKey: 'small',
        fillColour: stepped('small', [1], PALETTES.smallPair.slice().reverse()),
        legend: [
          { colour: PALETTES.smallPair[0], kind: 'label', key: 'legend.small' },
          { colour: PALETTES.smallPair[1], kind: 'label', key: 'legend.notSmall' },
          { colour: NO_DATA, kind: 'label', key: 'legend.noData' },
        ],
        source: istat,
      };
    case 'innerAreas':
      return {
        id,
        stateKey: 'innerAreas',
        fillColour: stepped('innerAreas', [1, 2, 3, 4, 5], PALETTES.innerAreas),
        legend: [
          ...'ABCDEF'.split('').map((c, i) => ({ colour: PALETTES.innerAreas[i] as string, kind: 'label' as const, key: `innerArea.${c}` })),
          { colour: NO_DATA, kind: 'label', key: 'legend.noData' },
        ],
        source: 'DPCoe-NUVAP / ISTAT 2020',
      };
    case 'associations':
      return {
        id,
        stateKey: 'associations',
        fillColour: stepped('associations', [1, 2, 3], PALETTES.blues),
        legend: [
          { colour: PALETTES.blues[0], kind: 'label', key: 'legend.none' },
          { colour: PALETTES.blues[1], kind: 'label', key: 'legend.count', values: { count: 1 } },
          { colour: PALETTES.blues[2], kind: 'label', key: 'legend.count', values: { count: 2 } },
          { colour: PALETTES.blues[3], kind: 'label', key: 'legend.countMore', values: { count: 3 } },
        ],
        source: { it: 'Unioni: ANCI 2023; aree SNAI: DPCoe-NUVAP; alleanze: ALI Atlas', en: 'Unions: ANCI 2023; SNAI areas: DPCoe-NUVAP; alliances: ALI Atlas' },
      };
  }
}
