import { useViewStore } from './view-store';
import type { ViewState } from './view-state';

/** The view (from the URL) and the function that changes it. */
export function useViewState(): [ViewState, (change: Partial<ViewState>, options?: { replace?: boolean }) => void] {
  const view = useViewStore((s) => s.view);
  const update = useViewStore((s) => s.update);
  return [view, update];
}
