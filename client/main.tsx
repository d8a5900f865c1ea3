import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import 'maplibre-gl/dist/maplibre-gl.css';
// The Designers Italia look: Bootstrap Italia's design tokens (palette, spacing) and Titillium Web, self-hosted.
import 'design-tokens-italia/dist/css/variables.css';
import '@fontsource/titillium-web/latin-400.css';
import '@fontsource/titillium-web/latin-600.css';
import '@fontsource/titillium-web/latin-700.css';
import './styles.css';
import { App } from './App';
import { keepSecret, parseAdhesionLink } from './adhesion/adhesion-link';
import { initI18n } from './i18n';
import { parseViewState } from './state/view-state';
import { followHistory } from './state/view-store';
import { startDraftAutosave } from './builder/draft-autosave';
import { loadAtlas } from './data/atlas';
import { loadAtlasMap } from './map/AtlasMapSlot';
import { queryClient } from './data/queries';
import { followAlliancesRevision } from './data/follow-revision';
import { takeTokenFromHash } from './alliances/edit-tokens';

initI18n(parseViewState(window.location.search).lang);

// An invited Comune's page is its own bundle: the map's visitors do not load it.
const AdhesionPage = lazy(() => import('./adhesion/AdhesionPage').then((m) => ({ default: m.AdhesionPage })));

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');
// An invited Comune's adhesion link opens its own page; every other address is the map.
const link = parseAdhesionLink(window.location);
const adhesion = link && keepSecret(link, sessionStorage, (url) => history.replaceState(null, '', url), window.location);
if (!adhesion) {
  // An alliance's edit link (`/alleanze/12#edit=…`) is kept before anything rewrites the address (the
  // view's URL sync can run before the alliance page's code has arrived, and would drop the fragment).
  const alliance = parseViewState(window.location.search, window.location.pathname).alliance;
  if (alliance !== null) takeTokenFromHash(alliance);
  // The map's code and the attribute table first: they travel (and the map's code runs) while React renders.
  void loadAtlasMap().catch(() => undefined);
  void loadAtlas().catch(() => undefined);
  // The stores' own effects, for the life of the page: the view follows Back / Forward, the builder's work is kept.
  followHistory();
  startDraftAutosave();
  // What derives from the saved alliances is read again when the server says they changed.
  followAlliancesRevision();
}
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>{adhesion ? (
        <Suspense fallback={null}>
          <AdhesionPage link={adhesion} />
        </Suspense>
      ) : (
        <App />
      )}</QueryClientProvider>
  </StrictMode>,
);
