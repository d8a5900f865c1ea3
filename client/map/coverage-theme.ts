import type { ExpressionSpecification } from 'maplibre-gl';
import type { CoverageReport } from '../api/types';
import type { Atlas } from '../data/atlas';
import type { Theme } from './themes';

/** Okabe–Ito blue and vermillion on light grey: readable with the common colour-vision deficiencies. */
export const COVERAGE_COLOURS = { covered: '#0072B2', obliged: '#D55E00', uncovered: '#e3e3e3' } as const;

/**
 * Feature-state `coverage` per Comune: 1 covered, 2 a gap (obliged to run the service jointly and not
 * covered; for a service no law obliges, small and not covered), 0 otherwise.
 */
export function coverageStates(atlas: Atlas, report: CoverageReport): { id: number; coverage: number }[] {
  const obliged = new Set(report.obligation ? report.obligedUncovered : report.smallUncovered);
  return atlas.table.code.map((code) => ({ id: Number(code), coverage: report.covered[code] ? 1 : obliged.has(code) ? 2 : 0 }));
}

/**
 * The map colouring and legend of a service's coverage. Small Comuni without the service are
 * "obliged" only for a fundamental function (DL 78/2010); for other services they are just small.
 */
export const coverageTheme = (obligation: boolean): Theme => ({
  ...COVERAGE_THEME,
  legend: COVERAGE_THEME.legend.map((item) => (item.kind === 'label' && item.key === 'coverage.obliged' && !obligation ? { ...item, key: 'coverage.smallUncovered' } : item)),
});

const COVERAGE_THEME: Theme = {
  id: 'coverage',
  stateKey: 'coverage',
  fillColour: [
    'match',
    ['coalesce', ['feature-state', 'coverage'], 0],
    1,
    COVERAGE_COLOURS.covered,
    2,
    COVERAGE_COLOURS.obliged,
    COVERAGE_COLOURS.uncovered,
  ] as unknown as ExpressionSpecification,
  legend: [
    { colour: COVERAGE_COLOURS.covered, kind: 'label', key: 'coverage.covered' },
    { colour: COVERAGE_COLOURS.obliged, kind: 'label', key: 'coverage.obliged' },
    { colour: COVERAGE_COLOURS.uncovered, kind: 'label', key: 'coverage.uncovered' },
  ],
  source: { it: 'ALI Atlas (alleanze pubblicate), ISTAT 2020', en: 'ALI Atlas (published alliances), ISTAT 2020' },
};
