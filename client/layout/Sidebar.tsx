import { useTranslation } from 'react-i18next';
import { AreaFilter } from '../controls/AreaFilter';
import { AreaSummary } from '../controls/AreaSummary';
import { OverlayToggles } from '../controls/OverlayToggles';
import { ThemePicker } from '../controls/ThemePicker';
import type { Atlas } from '../data/atlas';
import { useAllianceList, useAttribution, useUnioniCount } from '../data/queries';
import { Legend } from '../legend/Legend';
import { useShownTheme } from '../map/useShownTheme';
import { ShareBar } from '../share/ShareBar';
import { selectComune } from '../state/actions';
import { useMapStore } from '../state/map-store';
import { updateView, useViewStore } from '../state/view-store';

/** Themes, overlays, area filter, legend and sharing (a drawer on a phone). */
export function Sidebar({ atlas }: { atlas: Atlas | null }) {
  const { t } = useTranslation();
  const view = useViewStore((s) => s.view);
  const layersOpen = useMapStore((s) => s.layersOpen);
  const snapshot = useMapStore((s) => s.snapshot);
  const unioni = useUnioniCount();
  const alliances = useAllianceList(view.overlays.includes('alliances')).data ?? null;
  const attribution = useAttribution();
  const { shown, coverage } = useShownTheme(atlas);
  return (
    <aside id="sidebar" className={`sidebar${layersOpen ? ' open' : ''}`} aria-label={t('nav.layers')}>
      <ThemePicker value={view.theme} onChange={(theme) => updateView({ theme })} overridden={coverage !== null} />
      <OverlayToggles value={view.overlays} counts={{ unioni, alliances: alliances?.length }} onChange={(overlays) => updateView({ overlays })} />
      {atlas && <AreaFilter atlas={atlas} value={view.area} onChange={(area) => updateView({ area })} />}
      {atlas && view.area && <AreaSummary atlas={atlas} area={view.area} onComune={(code) => selectComune(atlas, code, true)} />}
      <Legend theme={shown} overlays={view.overlays} alliances={alliances} />
      <ShareBar snapshot={snapshot} theme={shown} attribution={attribution ?? ''} />
    </aside>
  );
}
