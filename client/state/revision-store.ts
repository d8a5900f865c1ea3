import { create } from 'zustand';

/**
 * Which state of the saved alliances this page has seen: it moves after every write this page
 * makes (save, delete, an administrator's change), as the server's own alliances revision does.
 * Every query derived from the alliances is keyed by it, so each is asked once per revision; the
 * map's alliances overlay reloads on it.
 */
export const useRevisionStore = create<{ alliances: number; alliancesChanged(): void }>()((set) => ({
  alliances: 0,
  alliancesChanged: () => set((s) => ({ alliances: s.alliances + 1 })),
}));

export const alliancesChanged = () => useRevisionStore.getState().alliancesChanged();
