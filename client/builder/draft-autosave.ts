import { create } from 'zustand';
import { clearDraft, hasWork, readDraft, writeDraft, type StoredDraft } from './draft-store';
import { useBuilderStore, type BuilderState } from './builder-store';

/** What a person edits, without the undo history or which saved version it is. */
export function contentKey(state: BuilderState): string {
  const { selection, editing: _editing, ...fields } = state;
  return JSON.stringify({ ...fields, members: selection.members });
}

interface AutosaveStore {
  /** A draft from an earlier visit, offered while the builder is still empty. */
  offer: StoredDraft | null;
  /** The content last saved to the server or loaded from it: no work to lose while it is unchanged. */
  cleanKey: string;
}

export const useAutosaveStore = create<AutosaveStore>()(() => ({ offer: null, cleanKey: contentKey(useBuilderStore.getState().state) }));

/** Whether the builder holds work the server does not have (to ask before replacing it). */
export const isUnsaved = (state: BuilderState = useBuilderStore.getState().state): boolean =>
  hasWork(state) && contentKey(state) !== useAutosaveStore.getState().cleanKey;

/** The content now matches the server's (just saved, or loaded to edit): nothing to keep yet. */
export function markClean(content: BuilderState, storage?: Storage): void {
  useAutosaveStore.setState({ cleanKey: contentKey(content) });
  clearDraft(storage);
}

export function dismissOffer(storage?: Storage): void {
  clearDraft(storage);
  useAutosaveStore.setState({ offer: null });
}

/** Restores the offered draft into the builder. */
export function restoreOffer(): void {
  const { offer } = useAutosaveStore.getState();
  if (offer) useBuilderStore.getState().load(offer.state);
  useAutosaveStore.setState({ offer: null });
}

export interface AutosaveEnv {
  storage: Storage;
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
  /** Pause after a change before the draft is written. */
  delayMs: number;
}

/**
 * The builder never loses work: every change is kept in the browser (after a short pause, and at
 * once when the page is left or hidden, so a reload within the pause loses nothing), a draft found
 * at start is offered back, and leaving the page with unsaved work asks first. Returns the stop function.
 */
export function startDraftAutosave(env: Partial<AutosaveEnv> = {}): () => void {
  const { storage = localStorage, window: win = window, document: doc = document, delayMs = 400 } = env;
  if (!hasWork(useBuilderStore.getState().state)) useAutosaveStore.setState({ offer: readDraft(storage) });
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const unsubscribe = useBuilderStore.subscribe(({ state }, previous) => {
    if (state === previous.state) return;
    cancel();
    if (!isUnsaved(state)) return;
    useAutosaveStore.setState({ offer: null }); // new work replaces the old offer (it is still stored until the next write)
    timer = setTimeout(() => {
      timer = null;
      // Saved meanwhile (the server has it): nothing to keep.
      const now = useBuilderStore.getState().state;
      if (isUnsaved(now)) writeDraft(now, storage);
    }, delayMs);
  });
  const keepNow = () => {
    const { state } = useBuilderStore.getState();
    if (!isUnsaved(state)) return false;
    cancel();
    writeDraft(state, storage);
    return true;
  };
  const warn = (e: BeforeUnloadEvent) => {
    if (!keepNow()) return; // whether or not the person then stays
    e.preventDefault();
    e.returnValue = ''; // older browsers need it set
  };
  // Phones may close a hidden tab without `beforeunload`: `pagehide` and a hidden page keep it too.
  const onHidden = () => {
    if (doc.visibilityState === 'hidden') keepNow();
  };
  win.addEventListener('beforeunload', warn as EventListener);
  win.addEventListener('pagehide', keepNow);
  doc.addEventListener('visibilitychange', onHidden);
  return () => {
    cancel();
    unsubscribe();
    win.removeEventListener('beforeunload', warn as EventListener);
    win.removeEventListener('pagehide', keepNow);
    doc.removeEventListener('visibilitychange', onHidden);
  };
}
