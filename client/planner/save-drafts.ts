import { create } from 'zustand';
import { api } from '../api/client';
import { rememberEditToken } from '../alliances/edit-tokens';
import { alliancesChanged } from '../state/revision-store';
import type { PlanRunResult } from './planner-store';

export type DraftsState = { state: 'idle'; ids: number[] } | { state: 'saving'; ids: number[] } | { state: 'saved'; ids: number[] } | { state: 'error'; ids: number[]; message: string };

export const useDraftsStore = create<DraftsState>()(() => ({ state: 'idle', ids: [] }));

/**
 * Saves every alliance of the plan as an unpublished draft (one after another; this browser keeps each
 * one's edit link, as for any alliance it creates). A failure stops there and says how many were saved.
 */
export async function saveAllAsDrafts(run: PlanRunResult, names: readonly string[]): Promise<void> {
  const ids: number[] = [];
  useDraftsStore.setState({ state: 'saving', ids }, true);
  try {
    for (const [i, a] of run.shown.alliances.entries()) {
      const saved = await api.saveAlliance(
        {
          name: names[i] ?? a.label,
          description: '',
          members: a.members.map((code) => ({ code, lead: false })),
          partners: [],
          services: [],
          runningCostCents: 0,
          status: 'draft',
        },
        null,
      );
      if (saved.editToken) rememberEditToken(saved.id, saved.editToken);
      ids.push(saved.id);
      useDraftsStore.setState({ state: 'saving', ids: [...ids] }, true);
    }
    useDraftsStore.setState({ state: 'saved', ids }, true);
  } catch (error) {
    useDraftsStore.setState({ state: 'error', ids, message: (error as Error).message }, true);
  } finally {
    if (ids.length > 0) alliancesChanged();
  }
}
