import { useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Atlas } from '../data/atlas';

type AtlasMapComponent = ComponentType<{ atlas: Atlas | null }>;

let chunk: Promise<AtlasMapComponent> | null = null;

/**
 * The map's chunk (MapLibre, its controllers), asked for once; the page preloads it beside the
 * main bundle (vite.config.ts). A failed download is tried again by the next caller.
 */
export function loadAtlasMap(): Promise<AtlasMapComponent> {
  chunk ??= import('./AtlasMap').then(
    (m) => m.AtlasMap,
    (error: unknown) => {
      chunk = null;
      throw error;
    },
  );
  return chunk;
}

/**
 * The map, rendered as soon as its chunk is there. Not through `lazy` and Suspense: React holds back
 * the content of a Suspense boundary that showed its fallback for up to 300 ms (so that loading
 * states do not flash), which would put off the map's creation, and with it the first tiles' drawing.
 */
export function AtlasMapSlot({ atlas }: { atlas: Atlas | null }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ AtlasMap: AtlasMapComponent | null; error: string | null }>({ AtlasMap: null, error: null });
  useEffect(() => {
    let live = true;
    loadAtlasMap().then(
      (AtlasMap) => live && setState({ AtlasMap, error: null }),
      (error: unknown) => live && setState({ AtlasMap: null, error: (error as Error).message }),
    );
    return () => {
      live = false;
    };
  }, []);
  const { AtlasMap, error } = state;
  if (AtlasMap) return <AtlasMap atlas={atlas} />;
  return (
    <>
      <div className="atlas-map" aria-busy="true" />
      {error && (
        <p className="map-status" role="alert">
          {t('map.unavailable', { message: error })}
        </p>
      )}
    </>
  );
}
