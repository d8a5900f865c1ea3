import { useCallback, useState } from 'react';
import type { Polygon } from 'geojson';
import { api } from '../api/client';
import type { DrawShape } from '../map/draw-shapes';
import type { Builder } from './useBuilder';

export type DrawAction = 'add' | 'remove';
export type DrawStatus = { state: 'idle' } | { state: 'loading' } | { state: 'done'; action: DrawAction; count: number; areaKm2: number } | { state: 'error'; message: string };

/**
 * Selecting by drawing: the chosen shape, whether a drawing adds or removes Comuni, and the
 * outcome of the last drawing. The server decides which Comuni are (mostly) inside, from the
 * full-resolution boundaries.
 */
export function useDrawSelection(builder: Pick<Builder, 'add' | 'remove'>) {
  const [shape, setShape] = useState<DrawShape | null>(null);
  const [action, setAction] = useState<DrawAction>('add');
  const [status, setStatus] = useState<DrawStatus>({ state: 'idle' });
  const { add, remove } = builder;

  const onDrawn = useCallback(
    async (polygon: Polygon, areaKm2: number) => {
      setStatus({ state: 'loading' });
      try {
        const codes = await api.within(polygon);
        if (action === 'add') add(codes);
        else remove(codes);
        setStatus({ state: 'done', action, count: codes.length, areaKm2 });
      } catch (e) {
        setStatus({ state: 'error', message: (e as Error).message });
      }
    },
    [action, add, remove],
  );

  return { shape, setShape, action, setAction, status, onDrawn };
}

export type DrawSelection = ReturnType<typeof useDrawSelection>;
