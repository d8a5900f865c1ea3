import { create } from 'zustand';
import type { BBox } from '../../domain/atlas-table';
import type { MapHover } from '../map/MapTooltip';

export interface Focus {
  bbox: [number, number, number, number];
  /** Changes each time the map should move, even to the same place. */
  key: number;
}

/** What the map shows besides the URL's view: where to move, what is hovered, how it is laid out. */
interface MapStore {
  focus: Focus | null;
  hover: MapHover | null;
  /** The part of the map on screen, after every move. */
  bounds: BBox | null;
  /** Pixels of the map a panel covers from below (phone layout): the camera centres above them. */
  insetBottom: number;
  /** Copies the map as drawn now into a canvas (for a PNG or a printout), once the map exists. */
  snapshot: (() => Promise<HTMLCanvasElement>) | null;
  /** The layers sidebar, open on a phone. */
  layersOpen: boolean;
  /** A Comune chosen from the search or a list: the map flies to it once its extent is known. */
  flyTo: string | null;
  fitTo(bbox: readonly number[]): void;
  set(change: Partial<Omit<MapStore, 'fitTo' | 'set'>>): void;
}

export const useMapStore = create<MapStore>()((set) => ({
  focus: null,
  hover: null,
  bounds: null,
  insetBottom: 0,
  snapshot: null,
  layersOpen: false,
  flyTo: null,
  fitTo: (bbox) => set({ focus: { bbox: [bbox[0] ?? 0, bbox[1] ?? 0, bbox[2] ?? 0, bbox[3] ?? 0], key: Date.now() } }),
  set: (change) => set(change),
}));
