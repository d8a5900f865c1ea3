import { MapTooltip, type MapHover } from './map/MapTooltip';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaFilter } from './controls/AreaFilter';
import { OverlayToggles } from './controls/OverlayToggles';
import { ThemePicker } from './controls/ThemePicker';
import { useAtlas, type Atlas } from './data/atlas';
import { DetailsPanel } from './details/DetailsPanel';
import { SourcesPanel } from './sources/SourcesPanel';
import { useComune } from './details/useComune';
import { useAssociation } from './details/useAssociation';
import { useConfig } from './data/useConfig';
import { useAllianceList, useUnioniCount } from './controls/useOverlayCounts';
import { LANGUAGES } from './i18n';
import { Legend } from './legend/Legend';
import { ShareBar } from './share/ShareBar';
import { AboutPanel } from './about/AboutPanel';
import { AreaSummary } from './controls/AreaSummary';
import { printWithMap } from './share/print';
import { AtlasMap, type Focus } from './map/AtlasMap';
import { usePanelInset } from './map/usePanelInset';
import { membersBBox } from './data/members-bbox';
import { useDraftAutosave } from './builder/useDraftAutosave';
import { useAllianceSave, type Issued } from './builder/useAllianceSave';
import { readSharedDraft } from './builder/shared-draft';
import { buildTheme } from './map/themes';
import { SearchBox } from './search/SearchBox';
import { useViewState } from './state/useViewState';
import type { Mode, OverlayId } from './state/view-state';
import { BuilderPanel } from './builder/BuilderPanel';
import { useBuilder } from './builder/useBuilder';
import { useDrawSelection } from './builder/useDrawSelection';
import { useGraph } from './builder/graph';
import { contiguity } from '../domain/contiguity';
import { territoryMembers } from '../domain/alliance';
import { AlliancePanel } from './alliances/AlliancePanel';
import type { AllianceView } from './api/types';
import { CoveragePanel } from './coverage/CoveragePanel';
import { CataloguePanel } from './admin/CataloguePanel';
import { ComparePanel, type CompareRef } from './compare/ComparePanel';
import { compareRefKey, parseCompareRef } from './compare/useCompared';
import { useCoverage } from './coverage/useCoverage';
import { coverageTheme } from './map/coverage-theme';

const MODES: { id: Mode; key: string }[] = [
  { id: 'explore', key: 'nav.explore' },
  { id: 'build', key: 'nav.build' },
  { id: 'alliances', key: 'nav.alliances' },
  { id: 'coverage', key: 'nav.coverage' },
  { id: 'compare', key: 'nav.compare' },
  { id: 'catalogue', key: 'nav.catalogue' },
  { id: 'data', key: 'nav.data' },
  { id: 'about', key: 'nav.about' },
];

/** Members grouped by connected part, as the map outlines them. */
function partsOf(components: readonly (readonly string[])[]): Map<string, number> {
  const parts = new Map<string, number>();
  components.forEach((part, i) => part.forEach((code) => parts.set(code, i)));
  return parts;
}

export function App() {
  const { t, i18n } = useTranslation();
  const [view, update] = useViewState();
  const { atlas, error } = useAtlas();
  const comune = useComune(view.selected);
  const theme = useMemo(() => (atlas ? buildTheme(view.theme, atlas) : null), [atlas, view.theme]);
  const [focus, setFocus] = useState<Focus | null>(null);
  /** Fits the map to some Comuni (by their label points). */
  const focusOn = useCallback((atlas: Atlas, codes: readonly string[]) => {
    const bbox = membersBBox(atlas, codes);
    if (bbox) setFocus({ bbox, key: Date.now() });
  }, []);
  // On a phone the panels lie over the lower map: the camera centres on what stays visible.
  const layoutRef = useRef<HTMLDivElement>(null);
  const panelInset = usePanelInset(layoutRef);
  const [hover, setHover] = useState<MapHover | null>(null);
  const association = useAssociation(view.association);
  const unioni = useUnioniCount();
  const config = useConfig();
  const [snapshot, setSnapshot] = useState<(() => Promise<HTMLCanvasElement>) | null>(null);
  const [layersOpen, setLayersOpen] = useState(false);
  const flyToSelection = useRef(false);
  const builder = useBuilder(view.mode === 'build');
  const drafts = useDraftAutosave(builder.state);
  const graph = useGraph(atlas, view.mode === 'build');
  const viewBounds = useRef<[number, number, number, number] | null>(null);
  const draw = useDrawSelection(builder, useCallback(() => viewBounds.current, []));
  const [shownAlliance, setShownAlliance] = useState<AllianceView | null>(null);
  // What the last save issued, shown once on the alliance's page: the edit token (on creation) and new adhesion links.
  const [issued, setIssued] = useState<Issued | null>(null);
  /** Bumped after every save so the alliances overlay, legend and list reload. */
  const [alliancesRevision, setAlliancesRevision] = useState(0);
  const saver = useAllianceSave(builder, drafts, (saved) => {
    setAlliancesRevision((r) => r + 1);
    setIssued(saved);
    update({ mode: 'alliances', alliance: saved.id });
  });
  const allianceList = useAllianceList(view.overlays.includes('alliances'), alliancesRevision);
  const coverage = useCoverage(view.mode === 'coverage' ? view.service : null, alliancesRevision);
  const shownCoverage = view.mode === 'coverage' ? coverage.report : null;

  useEffect(() => {
    if (i18n.language !== view.lang) void i18n.changeLanguage(view.lang);
    document.documentElement.lang = view.lang;
    document.title = `${t('app.title')} – ${t('app.subtitle')}`;
  }, [view.lang, i18n, t]);

  // Fly to a Comune chosen from the search or a list, once its extent is known.
  useEffect(() => {
    if (flyToSelection.current && comune.comune) {
      flyToSelection.current = false;
      setFocus({ bbox: comune.comune.bbox, key: Date.now() });
    }
  }, [comune.comune]);

  // An alliance's page shows its territory: the map fits it when another alliance opens (a link that
  // carries its own camera keeps it on first load).
  const fittedAlliance = useRef<number | null>(view.camera && view.alliance !== null ? view.alliance : null);
  useEffect(() => {
    if (!atlas || !shownAlliance || fittedAlliance.current === shownAlliance.id) return;
    fittedAlliance.current = shownAlliance.id;
    focusOn(atlas, shownAlliance.members.map((m) => m.code));
  }, [atlas, shownAlliance]);

  // A link with an area and no camera (`?area=040`) opens on that area, once the atlas knows its extent.
  const areaKey = useRef<string | null>(view.camera || !view.area ? view.area : null);
  useEffect(() => {
    if (!atlas || view.area === areaKey.current) return;
    areaKey.current = view.area;
    const bbox = view.area ? atlas.areaBBox(view.area) : ([6.6, 36.6, 18.6, 47.1] as const);
    if (bbox) setFocus({ bbox: [...bbox], key: Date.now() });
  }, [atlas, view.area]);

  const select = (code: string, fly: boolean) => {
    if (view.mode === 'build') {
      // Found by search (fly): added and brought into view; a click on the map is already in view.
      const adding = !builder.state.selection.members.includes(code);
      builder.toggle(code);
      if (fly && adding && atlas) focusOn(atlas, [code]);
      return;
    }
    flyToSelection.current = fly;
    // A Comune outside the filtered area is not shown faded: the filter gives way to it.
    const row = atlas?.row(code);
    const inArea = (area: string, i: number) => (area.length === 2 ? atlas?.table.region[i] : atlas?.table.province[i]) === area;
    const outside = view.area !== null && row !== undefined && !inArea(view.area, row);
    update({ mode: 'explore', selected: code, association: null, ...(outside ? { area: null } : {}) });
  };
  const highlight = useMemo(() => association?.members.map((m) => m.code) ?? [], [association]);

  const members = useMemo(() => {
    if (view.mode === 'build' && graph) {
      const { selection, meta } = builder.state;
      const territory = territoryMembers(selection.members.map((code) => ({ code, status: meta[code]?.status ?? 'proposed' })));
      return partsOf(contiguity(territory, graph.neighbours).components);
    }
    if (view.mode === 'alliances' && shownAlliance) return partsOf(shownAlliance.contiguity.components);
    return new Map<string, number>();
  }, [view.mode, graph, builder.state, shownAlliance]);

  // A shown alliance's members by status (the builder shows parts only).
  const statuses = useMemo(
    () => new Map(view.mode === 'alliances' && shownAlliance ? shownAlliance.members.map((m) => [m.code, m.status] as const) : []),
    [view.mode, shownAlliance],
  );

  const startBuilding = (codes: string[], name = '') => {
    // Work not yet saved is never replaced without asking.
    if (drafts.unsaved && !window.confirm(t('builder.confirmReplace', { count: builder.state.selection.members.length, name: builder.state.name || t('builder.untitled') }))) return;
    // A new alliance: nothing carries over from one being edited.
    if (builder.state.editing || name) {
      builder.setFields({ editing: null, name: '', description: '', partners: [], services: [], runningCostCents: 0, status: 'draft' });
    }
    builder.replace(codes);
    if (name) builder.setFields({ name });
    update({ mode: 'build', association: null });
  };

  // A draft shared as a link (?membri=…) is read at once (the address then changes with the map)
  // and opens in the builder when the attribute table has arrived.
  const [sharedDraft, setSharedDraft] = useState(() => readSharedDraft(window.location.search));
  useEffect(() => {
    if (!atlas || !sharedDraft) return;
    setSharedDraft(null);
    // Codes that name no Comune (a mangled or outdated link) are left out.
    startBuilding(sharedDraft.codes.filter((code) => atlas.row(code) !== undefined), sharedDraft.name);
    // Once, when both are there.
  }, [atlas, sharedDraft]);

  const addToComparison = (ref: CompareRef) =>
    update({ mode: 'compare', selected: null, association: null, compare: [...new Set([...view.compare, compareRefKey(ref)])] });

  const editAlliance = (a: AllianceView, token: string) => {
    saver.edit(a, token);
    update({ mode: 'build' });
  };

  const shownTheme = shownCoverage ? coverageTheme(shownCoverage.obligation) : theme;

  return (
    <div className="app">
      <a href="#map" className="skip-link">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <h1>
          {t('app.title')} <span className="subtitle">{t('app.subtitle')}</span>
        </h1>
        <nav aria-label={t('app.title')} className="modes">
          {MODES.map((m) => (
            <button key={m.id} type="button" aria-current={view.mode === m.id ? 'page' : undefined} onClick={() => update({ mode: m.id, alliance: null })}>
              {t(m.key)}
            </button>
          ))}
        </nav>
        <SearchBox
          onChoose={(hit) => {
            if (view.mode === 'build') {
              builder.add([hit.code]);
              return;
            }
            select(hit.code, true);
            // Keyboard users land on what they chose: the details' heading, read out by screen readers.
            setTimeout(() => document.getElementById('details-title')?.focus(), 0);
          }}
        />
        <div className="lang" role="group" aria-label={t('nav.language')}>
          {LANGUAGES.map((lang) => (
            <button key={lang} type="button" aria-pressed={view.lang === lang} onClick={() => update({ lang })}>
              {lang.toUpperCase()}
            </button>
          ))}
        </div>
        <button type="button" className="layers-toggle" aria-expanded={layersOpen} aria-controls="sidebar" onClick={() => setLayersOpen(!layersOpen)}>
          {layersOpen ? t('nav.closeLayers') : t('nav.layers')}
        </button>
      </header>
      <div className="layout" ref={layoutRef}>
        <aside id="sidebar" className={`sidebar${layersOpen ? ' open' : ''}`} aria-label={t('nav.layers')}>
          <ThemePicker value={view.theme} onChange={(theme) => update({ theme })} overridden={shownCoverage !== null} />
          <OverlayToggles value={view.overlays} counts={{ unioni, alliances: allianceList?.length }} onChange={(overlays: OverlayId[]) => update({ overlays })} />
          {atlas && <AreaFilter atlas={atlas} value={view.area} onChange={(area) => update({ area })} />}
          {atlas && view.area && <AreaSummary atlas={atlas} area={view.area} onComune={(code) => select(code, true)} />}
          <Legend theme={shownTheme} overlays={view.overlays} alliances={allianceList} />
          <ShareBar snapshot={snapshot} theme={shownTheme} attribution={config?.attribution ?? ''} />
        </aside>
        <main id="map" className="map" aria-label={t('map.label')} tabIndex={-1}>
          <AtlasMap
            insetBottom={panelInset}
            atlas={atlas}
            view={view}
            theme={theme}
            highlight={highlight}
            members={members}
            statuses={statuses}
            focus={focus}
            basemapUrl={config?.basemapUrl ?? undefined}
            onSnapshot={(fn) => setSnapshot(() => fn)}
            label={t('map.label')}
            onSelect={(code) => select(code, false)}
            onCamera={(camera) => update({ camera }, { replace: true })}
            onHover={setHover}
            onBounds={(bbox) => (viewBounds.current = bbox)}
            drawShape={view.mode === 'build' ? draw.shape : null}
            alliancesRevision={alliancesRevision}
            coverage={shownCoverage}
            onDrawn={(polygon, areaKm2) => void draw.onDrawn(polygon, areaKm2)}
          />
          {!atlas && !error && <p className="map-status">{t('map.loading')}</p>}
          {error && (
            <p className="map-status" role="alert">
              {t('details.error', { message: error })}
            </p>
          )}
          {hover && atlas && <MapTooltip atlas={atlas} hover={hover} />}
          {config && <footer className="attribution">{config.attribution}</footer>}
        </main>
        {view.mode === 'build' && atlas && (
          <BuilderPanel
            atlas={atlas}
            graph={graph}
            builder={builder}
            draw={draw}
            onSave={saver.save}
            onReapply={() => void saver.reapplyEdit()}
            saving={saver.saving}
            draftOffer={drafts.offer}
            onRestoreDraft={(draft) => {
              builder.load(draft.state);
              drafts.accepted();
            }}
            onDiscardDraft={drafts.dismiss}
            onShowSelection={(codes) => focusOn(atlas, codes)}
          />
        )}
        {view.mode === 'alliances' && (
          <AlliancePanel
            id={view.alliance}
            atlas={atlas}
            newToken={issued && issued.id === view.alliance ? issued.token : null}
            newInvitations={issued && issued.id === view.alliance ? issued.invitations : []}
            onOpen={(id) => update({ alliance: id })}
            onLoaded={setShownAlliance}
            onEdit={editAlliance}
            onCompare={(id) => addToComparison({ type: 'alliance', id })}
            onChanged={() => setAlliancesRevision((r) => r + 1)}
            onPrint={() => void printWithMap(snapshot, t('map.label'))}
          />
        )}
        {view.mode === 'compare' && atlas && (
          <ComparePanel
            atlas={atlas}
            refs={view.compare.map(parseCompareRef).filter((r): r is CompareRef => r !== null)}
            onRemove={(ref) => update({ compare: view.compare.filter((k) => k !== compareRefKey(ref)) })}
            onOpenAlliance={(id) => update({ mode: 'alliances', alliance: id })}
            onClose={() => update({ mode: 'explore' })}
          />
        )}
        {view.mode === 'catalogue' && <CataloguePanel onClose={() => update({ mode: 'explore' })} />}
        {view.mode === 'about' && <AboutPanel onClose={() => update({ mode: 'explore' })} />}
        {view.mode === 'data' && <SourcesPanel onClose={() => update({ mode: 'explore' })} />}
        {view.mode === 'coverage' && (
          <CoveragePanel
            service={view.service}
            state={coverage}
            onService={(service) => update({ service })}
            onArea={(area) => update({ area })}
            onOpenAlliance={(id) => update({ mode: 'alliances', alliance: id })}
          />
        )}
        {view.mode === 'explore' && view.selected && (
          <DetailsPanel
            code={view.selected}
            state={comune}
            atlas={atlas}
            association={association}
            onSelect={(code) => select(code, true)}
            onAssociation={(id) => update({ association: id })}
            onClose={() => update({ selected: null, association: null })}
            onStart={startBuilding}
            onCompare={(id) => addToComparison({ type: 'association', id })}
            onOpenAlliance={(id) => update({ mode: 'alliances', alliance: id })}
          />
        )}
      </div>
    </div>
  );
}
