import i18next from 'i18next';
import { create } from 'zustand';
import type { Polygon } from 'geojson';
import { ALLIANCE_LIMITS } from '../../domain/alliance';
import { api } from '../api/client';
import type { DrawShape } from '../map/draw-shapes';
import { useMapStore } from '../state/map-store';
import { useBuilderStore } from './builder-store';

export type DrawAction = 'add' | 'remove';

/** A Comune with at least this share of its area inside a drawing counts as touched by it. */
const PARTIAL_SHARE = 0.01;
export type DrawStatus =
  | { state: 'idle' }
  | { state: 'loading' }
  /** `partial`: Comuni the area touches but holds less than half of, left out (only when adding). */
  | { state: 'done'; action: DrawAction; count: number; areaKm2: number | null; partial: string[] }
  | { state: 'error'; message: string };

interface DrawStore {
  /** The armed drawing tool: while set, the map draws this shape instead of selecting by click. */
  shape: DrawShape | null;
  action: DrawAction;
  status: DrawStatus;
  /** Arms a drawing tool (or disarms with null); the last outcome gives way to the tool's help. */
  setShape(shape: DrawShape | null): void;
  setAction(action: DrawAction): void;
  /** A shape was drawn: the Comuni (mostly) inside it are added or removed. */
  onDrawn(polygon: Polygon, areaKm2: number | null): Promise<void>;
  /** The Comuni (mostly) inside the part of the map on screen. */
  fromView(): Promise<void>;
  /** Adds the Comuni the last area only partly held, when the founder wants them too. */
  addPartial(): void;
}

/**
 * Selecting by area: a shape drawn on the map, or (from the keyboard too) everything in view.
 * The server decides which Comuni are (mostly) inside, from the full-resolution boundaries.
 */
export const useDrawStore = create<DrawStore>()((set, get) => ({
  shape: null,
  action: 'add',
  status: { state: 'idle' },
  setShape: (shape) => set({ shape, status: { state: 'idle' } }),
  setAction: (action) => set({ action }),
  onDrawn: async (polygon, areaKm2) => {
    const { action } = get();
    // One drawing per choice of tool: the next click on the map picks a Comune again.
    set({ shape: null, status: { state: 'loading' } });
    try {
      const { codes, partial } = await api.within(polygon, action === 'add' ? { partialShare: PARTIAL_SHARE } : {});
      if (action === 'add' && codes.length > ALLIANCE_LIMITS.members) {
        set({ status: { state: 'error', message: i18next.t('draw.tooMany', { count: codes.length, max: ALLIANCE_LIMITS.members }) } });
        return;
      }
      const builder = useBuilderStore.getState();
      if (action === 'add') builder.add(codes);
      else builder.remove(codes);
      set({ status: { state: 'done', action, count: codes.length, areaKm2, partial } });
    } catch (e) {
      set({ status: { state: 'error', message: (e as Error).message } });
    }
  },
  fromView: async () => {
    const bbox = useMapStore.getState().bounds;
    if (!bbox) return;
    const [w, s, e, n] = bbox;
    await get().onDrawn({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] }, null);
  },
  addPartial: () => {
    const { status } = get();
    if (status.state !== 'done' || status.partial.length === 0) return;
    useBuilderStore.getState().add(status.partial);
    set({ status: { ...status, count: status.count + status.partial.length, partial: [] } });
  },
}));

export type DrawSelection = DrawStore;
