import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Atlas } from './data/atlas';
import type { Mode } from './state/view-state';
import { updateView, useViewStore } from './state/view-store';
import { closePanel, openAlliance } from './state/actions';
import { useGraph } from './builder/graph';
import { compareRefKey, parseCompareRef } from './compare/useCompared';
import type { CompareRef } from './compare/ComparePanel';
import { DetailsPanel } from './details/DetailsPanel';

/**
 * A panel whose code is loaded when first shown, or earlier when its tab is pointed at or focused
 * (`prefetch`): the main bundle holds only the first view (Esplora and the map).
 */
function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): { Panel: ComponentType<P>; prefetch: () => void } {
  let loading: Promise<ComponentType<P>> | null = null;
  const once = () => (loading ??= load().catch((error: unknown) => {
    loading = null; // a failed download (offline a moment) is tried again next time
    throw error;
  }));
  return { Panel: lazy(() => once().then((component) => ({ default: component }))), prefetch: () => void once().catch(() => undefined) };
}

const Builder = onDemand(() => import('./builder/BuilderPanel').then((m) => m.BuilderPanel));
const Coverage = onDemand(() => import('./coverage/CoveragePanel').then((m) => m.CoveragePanel));
const Comparison = onDemand(() => import('./compare/ComparePanel').then((m) => m.ComparePanel));
const Catalogue = onDemand(() => import('./admin/CataloguePanel').then((m) => m.CataloguePanel));
const Sources = onDemand(() => import('./sources/SourcesPanel').then((m) => m.SourcesPanel));
const Planner = onDemand(() => import('./planner/PlannerPanel').then((m) => m.PlannerPanel));
const Alliance = onDemand(() => import('./alliances/AlliancePanel').then((m) => m.AlliancePanel));
const About = onDemand(() => import('./about/AboutPanel').then((m) => m.AboutPanel));
const Legal = onDemand(() => import('./site/SitePages').then((m) => m.LegalPanel));
const Accessibility = onDemand(() => import('./site/SitePages').then((m) => m.AccessibilityPanel));

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
  /** Starts loading the panel's code before it is shown (its tab pointed at or focused). */
  prefetch?: () => void;
}

function ExplorePanel({ atlas }: ModePanelProps) {
  const selected = useViewStore((s) => s.view.selected);
  return selected ? <DetailsPanel code={selected} atlas={atlas} /> : null;
}

function BuildPanel({ atlas }: ModePanelProps) {
  const graph = useGraph(atlas, true);
  return atlas ? <Builder.Panel atlas={atlas} graph={graph} /> : null;
}

function AlliancesPanel({ atlas }: ModePanelProps) {
  const id = useViewStore((s) => s.view.alliance);
  return <Alliance.Panel id={id} atlas={atlas} />;
}

function ComparisonPanel({ atlas }: ModePanelProps) {
  const compare = useViewStore((s) => s.view.compare);
  if (!atlas) return null;
  return (
    <Comparison.Panel
      atlas={atlas}
      refs={compare.map(parseCompareRef).filter((r): r is CompareRef => r !== null)}
      onRemove={(ref) => updateView({ compare: compare.filter((k) => k !== compareRefKey(ref)) })}
      onOpenAlliance={openAlliance}
      onClose={closePanel}
    />
  );
}

/** Said while a panel's code travels: a polite status for screen readers, in the panel's place. */
export function PanelLoading() {
  const { t } = useTranslation();
  return (
    <aside className="panel" aria-busy="true" data-testid="panel-loading">
      <p role="status">{t('app.loadingPanel')}</p>
    </aside>
  );
}

/** The mode's panel, once its code has arrived. */
export function ModePanel({ entry, atlas }: { entry: ModeEntry; atlas: Atlas | null }) {
  const { Panel } = entry;
  return (
    <Suspense fallback={<PanelLoading />}>
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
  build: { label: 'nav.build', Panel: BuildPanel, prefetch: Builder.prefetch },
  plan: { label: 'nav.plan', Panel: Planner.Panel, prefetch: Planner.prefetch },
  alliances: { label: 'nav.alliances', Panel: AlliancesPanel, prefetch: Alliance.prefetch },
  coverage: { label: 'nav.coverage', Panel: ({ atlas }) => <Coverage.Panel atlas={atlas} />, prefetch: Coverage.prefetch },
  compare: { label: 'nav.compare', Panel: ComparisonPanel, prefetch: Comparison.prefetch },
  catalogue: { label: 'nav.catalogue', Panel: () => <Catalogue.Panel onClose={closePanel} />, prefetch: Catalogue.prefetch },
  data: { label: 'nav.data', Panel: () => <Sources.Panel onClose={closePanel} />, prefetch: Sources.prefetch },
  about: { label: 'nav.about', Panel: () => <About.Panel onClose={closePanel} />, prefetch: About.prefetch },
  legal: { label: 'site.legal', Panel: () => <Legal.Panel onClose={closePanel} />, tab: false, prefetch: Legal.prefetch },
  accessibility: { label: 'site.accessibility', Panel: () => <Accessibility.Panel onClose={closePanel} />, tab: false, prefetch: Accessibility.prefetch },
};
