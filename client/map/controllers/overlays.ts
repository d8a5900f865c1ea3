import { useEffect, useRef } from 'react';
import type maplibregl from 'maplibre-gl';
import type { Atlas } from '../../data/atlas';
import { useAlliancesRevision } from '../../data/queries';
import { useMapStore } from '../../state/map-store';
import { useViewStore } from '../../state/view-store';
import { showAlliances } from '../alliance-layers';
import type { DeckOverlays } from '../deck-overlays';
import { HUB_LINKS_MIN_ZOOM } from '../overlay-style';
import { OUTLINE_OVERLAYS, overlayLayerIds } from '../style';
import { redraw, sharedOf } from './map-context';

/** Overlays: association outlines, the saved alliances (reloaded on each alliances revision), deck.gl circles and hub links. */
export function useOverlays(map: maplibregl.Map | null, atlas: Atlas | null): void {
  const overlays = useViewStore((s) => s.view.overlays);
  const revision = useAlliancesRevision();
  const deck = useRef<Promise<DeckOverlays> | null>(null);

  useEffect(() => {
    if (!map) return;
    for (const id of Object.keys(OUTLINE_OVERLAYS)) {
      const visibility = overlays.includes(id as never) ? 'visible' : 'none';
      for (const layer of overlayLayerIds(id)) map.setLayoutProperty(layer, 'visibility', visibility);
    }
    // The saved alliances once the revision is known (their URL names it: a change reloads them).
    if (revision !== undefined) showAlliances(map, overlays.includes('alliances'), revision);
    redraw(map);
    const circles = overlays.includes('circles');
    const hubs = overlays.includes('hubs');
    if (!atlas || (!deck.current && !circles && !hubs)) return;
    // deck.gl is loaded only when one of its overlays is first shown.
    deck.current ??= import('../deck-overlays').then(({ createDeckOverlays }) => {
      const created = createDeckOverlays(atlas, (pick) => {
        sharedOf(map).overOverlay = pick !== null;
        if (pick) useMapStore.getState().set({ hover: pick });
      });
      map.addControl(created.control);
      return created;
    });
    // Hub links only from HUB_LINKS_MIN_ZOOM on: nationally they are a tangle (the legend says so).
    const show = () =>
      void deck.current?.then((loaded) => {
        loaded.show({ circles, hubs: hubs && map.getZoom() >= HUB_LINKS_MIN_ZOOM });
        redraw(map);
      });
    show();
    if (!hubs) return;
    map.on('zoomend', show);
    return () => {
      map.off('zoomend', show);
    };
  }, [map, atlas, overlays, revision]);
}
