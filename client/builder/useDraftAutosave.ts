import { useEffect, useRef, useState } from 'react';
import { clearDraft, hasWork, readDraft, writeDraft, type StoredDraft } from './draft-store';
import type { BuilderState } from './useBuilder';

/**
 * The builder never loses work: every change is kept in the browser (after a short pause, and at
 * once when the page is left or hidden, so a reload within the pause loses nothing), a draft
 * found at start is offered back, and leaving the page with unsaved work asks first.
 * `clean()` forgets the draft once the server has what the builder holds.
 */
export function useDraftAutosave(state: BuilderState) {
  const [offer, setOffer] = useState<StoredDraft | null>(() => (hasWork(state) ? null : readDraft()));
  const dirty = useRef(false);
  /** The state to keep when the page goes before the pause is over. */
  const latest = useRef(state);
  /** The content last saved to the server or loaded from it: no work to lose while it is unchanged. */
  const clean = useRef(contentKey(state));

  useEffect(() => {
    if (!hasWork(state) || contentKey(state) === clean.current) {
      dirty.current = false;
      return;
    }
    dirty.current = true;
    latest.current = state;
    setOffer(null); // new work replaces the old offer (it is still stored until the next write)
    const timer = setTimeout(() => writeDraft(state), 400);
    return () => clearTimeout(timer);
  }, [state]);

  useEffect(() => {
    const keepNow = () => {
      if (dirty.current) writeDraft(latest.current);
    };
    const warn = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      keepNow(); // whether or not the person then stays
      e.preventDefault();
      e.returnValue = ''; // older browsers need it set
    };
    // Phones may close a hidden tab without `beforeunload`: `pagehide` and a hidden page keep it too.
    const onHidden = () => {
      if (document.visibilityState === 'hidden') keepNow();
    };
    window.addEventListener('beforeunload', warn);
    window.addEventListener('pagehide', keepNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', warn);
      window.removeEventListener('pagehide', keepNow);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);

  return {
    /** Whether the builder holds work the server does not have (to ask before replacing it). */
    unsaved: hasWork(state) && contentKey(state) !== clean.current,
    /** A draft from an earlier visit, offered while the builder is still empty. */
    offer,
    dismiss: () => {
      clearDraft();
      setOffer(null);
    },
    accepted: () => setOffer(null),
    /** The content now matches the server's (just saved, or loaded to edit): nothing to keep yet. */
    clean: (content: BuilderState) => {
      clean.current = contentKey(content);
      dirty.current = false;
      clearDraft();
    },
  };
}

/** What a person edits, without the undo history or which saved version it is. */
function contentKey(state: BuilderState): string {
  const { selection, editing: _editing, ...fields } = state;
  return JSON.stringify({ ...fields, members: selection.members });
}
