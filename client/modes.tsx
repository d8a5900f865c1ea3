import { lazy, Suspense, type ComponentType } from 'react';
import type { Atlas } from './data/atlas';
import type { Mode } from './state/view-state';
import { updateView, useViewStore } from './state/view-store';
import { closePanel, openAlliance } from './state/actions';
import { useGraph } from './builder/graph';
import { AlliancePanel } from './alliances/AlliancePanel';
import { compareRefKey, parseCompareRef } from './compare/useCompared';
import type { CompareRef } from './compare/ComparePanel';
import { AboutPanel } from './about/AboutPanel';
import { DetailsPanel } from './details/DetailsPanel';
import { AccessibilityPanel, LegalPanel } from './site/SitePages';

// Panels most visits never open are loaded when first shown (the main bundle stays small).
const BuilderPanel = lazy(() => import('./builder/BuilderPanel').then((m) => ({ default: m.BuilderPanel })));
const CoveragePanel = lazy(() => import('./coverage/CoveragePanel').then((m) => ({ default: m.CoveragePanel })));
const ComparePanel = lazy(() => import('./compare/ComparePanel').then((m) => ({ default: m.ComparePanel })));
const CataloguePanel = lazy(() => import('./admin/CataloguePanel').then((m) => ({ default: m.CataloguePanel })));
const SourcesPanel = lazy(() => import('./sources/SourcesPanel').then((m) => ({ default: m.SourcesPanel })));
const PlannerPanel = lazy(() => import('./planner/PlannerPanel').then((m) => ({ default: m.PlannerPanel })));

/** What every mode's panel receives; the rest it reads from its stores. */
export interface ModePanelProps {
  atlas: Atlas | null;
}

export interface ModeEntry {
  /** The label's i18n key (the mode tabs). */
  label: string;
  /** The panel beside the map (a bottom sheet on a phone), or nothing. */
  Panel: ComponentType<ModePanelProps>;
  /** Whether the mode has a tab (the site's own pages are reached from the footer). */
  tab?: boolean;
}

function ExplorePanel({ atlas }: ModePanelProps) {
  const selected = useViewStore((s) => s.view.selected);
  return selected ? <DetailsPanel code={selected} atlas={atlas} /> : null;
}

function BuildPanel({ atlas }: ModePanelProps) {
  const graph = useGraph(atlas, true);
  return atlas ? <BuilderPanel atlas={atlas} graph={graph} /> : null;
}

function AlliancesPanel({ atlas }: ModePanelProps) {
  const id = useViewStore((s) => s.view.alliance);
  return <AlliancePanel id={id} atlas={atlas} />;
}

function ComparisonPanel({ atlas }: ModePanelProps) {
  const compare = useViewStore((s) => s.view.compare);
  if (!atlas) return null;
  return (
    <ComparePanel
      atlas={atlas}
      refs={compare.map(parseCompareRef).filter((r): r is CompareRef => r !== null)}
      onRemove={(ref) => updateView({ compare: compare.filter((k) => k !== compareRefKey(ref)) })}
      onOpenAlliance={openAlliance}
      onClose={closePanel}
    />
  );
}

/** The mode's panel, once its code has arrived. */
export function ModePanel({ entry, atlas }: { entry: ModeEntry; atlas: Atlas | null }) {
  const { Panel } = entry;
  return (
    <Suspense fallback={null}>
      <Panel atlas={atlas} />
    </Suspense>
  );
}

/**
 * Every mode of the app, in the order of its tabs. A new mode is one entry here (its id joins
 * MODES in state/view-state.ts, which the URL accepts; the compiler asks for the entry).
 */
export const MODE_LIST: Readonly<Record<Mode, ModeEntry>> = {
  explore: { label: 'nav.explore', Panel: ExplorePanel },
  build: { label: 'nav.build', Panel: BuildPanel },
  plan: { label: 'nav.plan', Panel: PlannerPanel },
  alliances: { label: 'nav.alliances', Panel: AlliancesPanel },
  coverage: { label: 'nav.coverage', Panel: ({ atlas }) => <CoveragePanel atlas={atlas} /> },
  compare: { label: 'nav.compare', Panel: ComparisonPanel },
  catalogue: { label: 'nav.catalogue', Panel: () => <CataloguePanel onClose={closePanel} /> },
  data: { label: 'nav.data', Panel: () => <SourcesPanel onClose={closePanel} /> },
  about: { label: 'nav.about', Panel: () => <AboutPanel onClose={closePanel} /> },
  legal: { label: 'site.legal', Panel: () => <LegalPanel onClose={closePanel} />, tab: false },
  accessibility: { label: 'site.accessibility', Panel: () => <AccessibilityPanel onClose={closePanel} />, tab: false },
};
