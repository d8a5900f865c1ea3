import { create } from 'zustand';
import { parseViewState, viewUrl, type ViewState } from './view-state';

interface ViewStore {
  view: ViewState;
  /**
   * Changes the view and the URL. Discrete changes (theme, overlays, selection…) add a history
   * entry so Back undoes them; camera moves (`replace`) replace the current entry.
   */
  update(change: Partial<ViewState>, options?: { replace?: boolean }): void;
}

const read = (): ViewState =>
  typeof window === 'undefined' ? parseViewState('') : parseViewState(window.location.search, window.location.pathname);

/** The view, kept in the URL (see view-state.ts for what it holds). */
export const useViewStore = create<ViewStore>()((set, get) => ({
  view: read(),
  update: (change, options = {}) => {
    const next = { ...get().view, ...change };
    const url = viewUrl(next);
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    set({ view: next });
  },
}));

/** Back / Forward: the view follows the URL. Returns the function that stops following. */
export function followHistory(): () => void {
  const onPop = () => useViewStore.setState({ view: read() });
  window.addEventListener('popstate', onPop);
  return () => window.removeEventListener('popstate', onPop);
}

/** Changes the view (outside React too). */
export const updateView = (change: Partial<ViewState>, options?: { replace?: boolean }) => useViewStore.getState().update(change, options);
