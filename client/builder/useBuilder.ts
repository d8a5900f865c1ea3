import { useEffect } from 'react';
import { useBuilderStore, attachUndoKeys, type Builder } from './builder-store';

export { DEFAULT_META, type Builder, type BuilderState, type Editing, type MemberMeta } from './builder-store';

/** The builder store, read whole (for the builder's own panels). */
export function useBuilder(): Builder {
  return useBuilderStore();
}

/** Undo and redo from the keyboard while the builder is open. */
export function useUndoKeys(): void {
  useEffect(() => attachUndoKeys(), []);
}
