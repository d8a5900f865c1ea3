import { EMPTY_GOVERNANCE } from '../../domain/governance';
import { emptySelection } from '../../domain/selection';
import type { BuilderState } from './useBuilder';

/** What the builder keeps in the browser between visits: everything but the undo history. */
export interface StoredDraft {
  savedAt: string;
  /** A draft stored before the legal form existed lacks it. */
  state: Omit<BuilderState, 'selection' | 'legalForm' | 'governance'> & Partial<Pick<BuilderState, 'legalForm' | 'governance'>> & { members: string[] };
}

const KEY = 'ali-atlas:builder-draft';

/** Whether the builder holds anything a person would mind losing. */
export const hasWork = (state: BuilderState): boolean =>
  state.selection.members.length > 0 || state.name.trim() !== '' || state.services.length > 0 || state.partners.length > 0;

export function writeDraft(state: BuilderState, storage: Storage = localStorage): void {
  const { selection, ...rest } = state;
  const draft: StoredDraft = { savedAt: new Date().toISOString(), state: { ...rest, members: [...selection.members] } };
  try {
    storage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the draft lives only in this tab.
  }
}

export function readDraft(storage: Storage = localStorage): StoredDraft | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw) as StoredDraft;
    return Array.isArray(draft?.state?.members) && typeof draft.savedAt === 'string' ? draft : null;
  } catch {
    return null;
  }
}

export function clearDraft(storage: Storage = localStorage): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}

/** The builder state of stored (or loaded) content: its undo history starts afresh. */
export const builderStateOf = ({ members, ...rest }: StoredDraft['state']): BuilderState => ({ legalForm: null, governance: EMPTY_GOVERNANCE, ...rest, selection: emptySelection(members) });
