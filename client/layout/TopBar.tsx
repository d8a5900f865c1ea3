import { useTranslation } from 'react-i18next';
import type { Atlas } from '../data/atlas';
import { LANGUAGES } from '../i18n';
import { MODE_LIST } from '../modes';
import { SearchBox } from '../search/SearchBox';
import { usePublisherName } from '../site/publisher';
import { focusOn, selectComune } from '../state/actions';
import { useBuilderStore } from '../builder/builder-store';
import { useMapStore } from '../state/map-store';
import { MODES } from '../state/view-state';
import { updateView, useViewStore } from '../state/view-store';

/** The title, the mode tabs, the search, the language and (on a phone) the layers button. */
export function TopBar({ atlas }: { atlas: Atlas | null }) {
  const { t } = useTranslation();
  const mode = useViewStore((s) => s.view.mode);
  const lang = useViewStore((s) => s.view.lang);
  const layersOpen = useMapStore((s) => s.layersOpen);
  const publisher = usePublisherName();
  return (
    <header className="topbar">
      <p className="header-slim">{publisher}</p>
      <h1>
        {t('app.title')} <span className="subtitle">{t('app.subtitle')}</span>
      </h1>
      <nav aria-label={t('app.title')} className="modes">
        {MODES.filter((id) => MODE_LIST[id].tab !== false).map((id) => (
          <button
            key={id}
            type="button"
            aria-current={mode === id ? 'page' : undefined}
            onClick={() => updateView({ mode: id, alliance: null })}
            // The panel's code is fetched while the pointer or the focus is on its tab, before the click.
            onPointerEnter={MODE_LIST[id].prefetch}
            onFocus={MODE_LIST[id].prefetch}
          >
            {t(MODE_LIST[id].label)}
          </button>
        ))}
      </nav>
      <SearchBox
        onChoose={(hit) => {
          // In the builder the Comune joins the selection and comes into view.
          if (mode === 'build') {
            useBuilderStore.getState().add([hit.code]);
            if (atlas) focusOn(atlas, [hit.code]);
            return;
          }
          selectComune(atlas, hit.code, true);
          // Keyboard users land on what they chose: the details' heading, read out by screen readers.
          setTimeout(() => document.getElementById('details-title')?.focus(), 0);
        }}
      />
      <div className="lang" role="group" aria-label={t('nav.language')}>
        {LANGUAGES.map((l) => (
          <button key={l} type="button" aria-pressed={lang === l} onClick={() => updateView({ lang: l })}>
            {l.toUpperCase()}
          </button>
        ))}
      </div>
      <button type="button" className="layers-toggle" aria-expanded={layersOpen} aria-controls="sidebar" onClick={() => useMapStore.getState().set({ layersOpen: !layersOpen })}>
        {layersOpen ? t('nav.closeLayers') : t('nav.layers')}
      </button>
    </header>
  );
}
