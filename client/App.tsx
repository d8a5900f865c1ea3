import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAtlas } from './data/atlas';
import { useAttribution } from './data/queries';
import { TopBar } from './layout/TopBar';
import { Sidebar } from './layout/Sidebar';
import { SiteFooter } from './layout/SiteFooter';
import { MapTooltip } from './map/MapTooltip';
import { AtlasMapSlot } from './map/AtlasMapSlot';
import { MODE_LIST, ModePanel } from './modes';
import { useAreaFocus, useDocumentLanguage, useFitShownAlliance, usePanelInsetSync, useSharedDraft } from './state/app-effects';
import { useMapStore } from './state/map-store';
import { useViewStore } from './state/view-store';

const WIDE = typeof window !== 'undefined' && window.matchMedia('(min-width: 761px)').matches;

/** The page: layout and the mode's panel; every piece reads its own stores. */
export function App() {
  const { t } = useTranslation();
  const { atlas, error } = useAtlas();
  const mode = useViewStore((s) => s.view.mode);
  const hover = useMapStore((s) => s.hover);
  const attribution = useAttribution();
  const layoutRef = useRef<HTMLDivElement>(null);
  useDocumentLanguage();
  useFitShownAlliance(atlas);
  useAreaFocus(atlas);
  useSharedDraft(atlas);
  usePanelInsetSync(layoutRef);

  return (
    <div className="app">
      <a href="#map" className="skip-link">
        {t('app.skip')}
      </a>
      <TopBar atlas={atlas} />
      <div className="layout" ref={layoutRef}>
        <Sidebar atlas={atlas} />
        <main id="map" className="map" aria-label={t('map.label')} tabIndex={-1}>
          <AtlasMapSlot atlas={atlas} />
          {!atlas && !error && <p className="map-status">{t('map.loading')}</p>}
          {error && (
            <p className="map-status" role="alert">
              {t('details.error', { message: error })}
            </p>
          )}
          {hover && atlas && <MapTooltip atlas={atlas} hover={hover} />}
          {attribution && (
            // Folded on a phone (it would cover a sixth of the map), open beside a wide screen.
            <details className="attribution" open={WIDE}>
              <summary>{t('map.source')}</summary>
              {attribution}
            </details>
          )}
        </main>
        <ModePanel entry={MODE_LIST[mode]} atlas={atlas} />
      </div>
      <SiteFooter />
    </div>
  );
}
