import { create } from 'zustand';
import { api } from '../api/client';
import { rememberEditToken } from '../alliances/edit-tokens';
import { alliancesChanged } from '../data/follow-revision';
import type { PlanRunResult } from './planner-store';

/** Where saving a plan's drafts stands; `ids` are the drafts saved so far for the run `key`, in the plan's order. */
export type DraftsState = { key: string; ids: number[] } & ({ state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string });

export const useDraftsStore = create<DraftsState>()(() => ({ state: 'idle', key: '', ids: [] }));

/**
 * Saves every alliance of the plan as an unpublished draft (one after another; this browser keeps each
 * one's edit link, as for any alliance it creates). A failure (such as the server's limit of writes per
 * minute) stops there and says how many were saved; trying again goes on from there, saving none twice.
 */
export async function saveAllAsDrafts(run: PlanRunResult, names: readonly string[]): Promise<void> {
  const before = useDraftsStore.getState();
  const ids: number[] = before.key === run.key ? [...before.ids] : [];
  const { key } = run;
  useDraftsStore.setState({ state: 'saving', key, ids }, true);
  try {
    for (const [i, a] of run.shown.alliances.entries()) {
      if (i < ids.length) continue;
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
      useDraftsStore.setState({ state: 'saving', key, ids: [...ids] }, true);
    }
    useDraftsStore.setState({ state: 'saved', key, ids }, true);
  } catch (error) {
    useDraftsStore.setState({ state: 'error', key, ids, message: (error as Error).message }, true);
  } finally {
    if (ids.length > (before.key === key ? before.ids.length : 0)) void alliancesChanged();
  }
}
