import { useMemo } from 'react';
import type { Atlas } from '../data/atlas';
import { useShownCoverage } from '../coverage/useShownCoverage';
import { useViewStore } from '../state/view-store';
import { coverageTheme } from './coverage-theme';
import { buildTheme, type Theme } from './themes';

/** The thematic colours the view asks for and, while a service's coverage is shown, the colours that replace them. */
export function useShownTheme(atlas: Atlas | null): { theme: Theme | null; shown: Theme | null; coverage: ReturnType<typeof useShownCoverage>['report'] } {
  const themeId = useViewStore((s) => s.view.theme);
  const theme = useMemo(() => (atlas ? buildTheme(themeId, atlas) : null), [atlas, themeId]);
  const coverage = useShownCoverage().report;
  const shown = useMemo(() => (coverage ? coverageTheme(coverage.obligation) : theme), [coverage, theme]);
  return { theme, shown, coverage };
}
