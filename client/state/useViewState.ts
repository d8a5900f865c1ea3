import { useCallback, useEffect, useRef, useState } from 'react';
import { parseViewState, viewUrl, type ViewState } from './view-state';

/**
 * The view, kept in the URL. Discrete changes (theme, overlays, selection…) add a history entry
 * so Back undoes them; camera moves replace the current entry.
 */
export function useViewState(): [ViewState, (change: Partial<ViewState>, options?: { replace?: boolean }) => void] {
  const [view, setView] = useState<ViewState>(() => parseViewState(window.location.search, window.location.pathname));
  const current = useRef(view);

  useEffect(() => {
    const onPop = () => {
      current.current = parseViewState(window.location.search, window.location.pathname);
      setView(current.current);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((change: Partial<ViewState>, options: { replace?: boolean } = {}) => {
    const next = { ...current.current, ...change };
    current.current = next;
    const url = viewUrl(next);
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setView(next);
  }, []);

  return [view, update];
}
