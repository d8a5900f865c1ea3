import { create } from 'zustand';
import type { AllianceView } from '../api/types';
import type { Issued } from '../builder/save-store';

/** The open alliance's page: the alliance shown (its territory on the map) and what its last save issued. */
interface AllianceStore {
  shown: AllianceView | null;
  /** Shown once on the alliance's page: the edit token (on creation) and new adhesion links. */
  issued: Issued | null;
}

export const useAllianceStore = create<AllianceStore>()(() => ({ shown: null, issued: null }));
