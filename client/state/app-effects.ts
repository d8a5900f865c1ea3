import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllianceStore } from '../alliances/alliance-store';
import { readSharedDraft } from '../builder/shared-draft';
import type { Atlas } from '../data/atlas';
import { usePanelInset } from '../map/usePanelInset';
import { focusOn, startBuilding } from './actions';
import { useMapStore } from './map-store';
import { useViewStore } from './view-store';

/** The page's language and title follow the view's. */
export function useDocumentLanguage(): void {
  const { t, i18n } = useTranslation();
  const lang = useViewStore((s) => s.view.lang);
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    document.title = `${t('app.title')} – ${t('app.subtitle')}`;
  }, [lang, i18n, t]);
}

/** The alliance a link with its own camera opens on: the map is not fitted to it. */
function fittedAtStart(): number | null {
  const { camera, alliance } = useViewStore.getState().view;
  return camera && alliance !== null ? alliance : null;
}

/** A link's own camera wins over its area; without one the map moves to the area. */
function areaAtStart(): string | null {
  const { camera, area } = useViewStore.getState().view;
  return camera || !area ? area : null;
}

/**
 * An alliance's page shows its territory: the map fits it when another alliance opens (a link that
 * carries its own camera keeps it on first load).
 */
export function useFitShownAlliance(atlas: Atlas | null): void {
  const shown = useAllianceStore((s) => s.shown);
  const fitted = useRef<number | null>(fittedAtStart());
  useEffect(() => {
    if (!atlas || !shown || fitted.current === shown.id) return;
    fitted.current = shown.id;
    focusOn(atlas, shown.members.map((m) => m.code));
  }, [atlas, shown]);
}

/** A link with an area and no camera (`?area=040`) opens on that area, once the atlas knows its extent. */
export function useAreaFocus(atlas: Atlas | null): void {
  const area = useViewStore((s) => s.view.area);
  const shownArea = useRef<string | null>(areaAtStart());
  useEffect(() => {
    if (!atlas || area === shownArea.current) return;
    shownArea.current = area;
    const bbox = area ? atlas.areaBBox(area) : ([6.6, 36.6, 18.6, 47.1] as const);
    if (bbox) useMapStore.getState().fitTo(bbox);
  }, [atlas, area]);
}

/**
 * A draft shared as a link (?membri=…) is read at once (the address then changes with the map)
 * and opens in the builder when the attribute table has arrived.
 */
export function useSharedDraft(atlas: Atlas | null): void {
  const shared = useRef(readSharedDraft(window.location.search));
  useEffect(() => {
    const draft = shared.current;
    if (!atlas || !draft) return;
    shared.current = null;
    // Codes that name no Comune (a mangled or outdated link) are left out.
    startBuilding(draft.codes.filter((code) => atlas.row(code) !== undefined), draft.name);
  }, [atlas]);
}

/** On a phone the panels lie over the lower map: the camera centres on what stays visible. */
export function usePanelInsetSync(layout: RefObject<HTMLElement | null>): void {
  const inset = usePanelInset(layout);
  useEffect(() => useMapStore.getState().set({ insetBottom: inset }), [inset]);
}
