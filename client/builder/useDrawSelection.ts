import { useCallback, useState } from 'react';
import type { Polygon } from 'geojson';
import { useTranslation } from 'react-i18next';
import { ALLIANCE_LIMITS } from '../../domain/alliance';
import type { BBox } from '../../domain/atlas-table';
import { api } from '../api/client';
import type { DrawShape } from '../map/draw-shapes';
import type { Builder } from './useBuilder';

export type DrawAction = 'add' | 'remove';

/** A Comune with at least this share of its area inside a drawing counts as touched by it. */
const PARTIAL_SHARE = 0.01;
export type DrawStatus =
  | { state: 'idle' }
  | { state: 'loading' }
  /** `partial`: Comuni the area touches but holds less than half of, left out (only when adding). */
  | { state: 'done'; action: DrawAction; count: number; areaKm2: number | null; partial: string[] }
  | { state: 'error'; message: string };

/**
 * Selecting by area: a shape drawn on the map, or (from the keyboard too) everything in view.
 * Whether an area adds or removes Comuni, and the outcome of the last one. The server decides
 * which Comuni are (mostly) inside, from the full-resolution boundaries.
 */
export function useDrawSelection(builder: Pick<Builder, 'add' | 'remove'>, viewBounds: () => BBox | null) {
  const { t } = useTranslation();
  const [shape, setShapeState] = useState<DrawShape | null>(null);
  const [action, setAction] = useState<DrawAction>('add');
  const [status, setStatus] = useState<DrawStatus>({ state: 'idle' });
  const { add, remove } = builder;

  /** Arms a drawing tool (or disarms with null); the last outcome gives way to the tool's help. */
  const setShape = useCallback((next: DrawShape | null) => {
    setShapeState(next);
    setStatus({ state: 'idle' });
  }, []);

  const onDrawn = useCallback(
    async (polygon: Polygon, areaKm2: number | null) => {
      // One drawing per choice of tool: the next click on the map picks a Comune again.
      setShapeState(null);
      setStatus({ state: 'loading' });
      try {
        const { codes, partial } = await api.within(polygon, action === 'add' ? { partialShare: PARTIAL_SHARE } : {});
        if (action === 'add' && codes.length > ALLIANCE_LIMITS.members) {
          setStatus({ state: 'error', message: t('draw.tooMany', { count: codes.length, max: ALLIANCE_LIMITS.members }) });
          return;
        }
        if (action === 'add') add(codes);
        else remove(codes);
        setStatus({ state: 'done', action, count: codes.length, areaKm2, partial });
      } catch (e) {
        setStatus({ state: 'error', message: (e as Error).message });
      }
    },
    [action, add, remove, t],
  );

  /** Adds the Comuni the last area only partly held, when the founder wants them too. */
  const addPartial = useCallback(() => {
    if (status.state !== 'done' || status.partial.length === 0) return;
    add(status.partial);
    setStatus({ ...status, count: status.count + status.partial.length, partial: [] });
  }, [add, status]);

  /** The Comuni (mostly) inside the part of the map on screen. */
  const fromView = useCallback(async () => {
    const bbox = viewBounds();
    if (!bbox) return;
    const [w, s, e, n] = bbox;
    await onDrawn({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] }, null);
  }, [viewBounds, onDrawn]);

  return { shape, setShape, action, setAction, status, onDrawn, fromView, addPartial };
}

export type DrawSelection = ReturnType<typeof useDrawSelection>;
