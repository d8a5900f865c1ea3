import { useCallback, useEffect, useState } from 'react';
import type { AlliancePartnerInput, AllianceServiceInput, AllianceStatus, MemberStatus } from '../../domain/alliance';
import { add, emptySelection, redo, remove, replace, toggle, undo, type Selection } from '../../domain/selection';

export interface MemberMeta {
  status: MemberStatus;
  lead: boolean;
}

export interface Editing {
  id: number;
  version: number;
  token: string;
}

export interface BuilderState {
  selection: Selection;
  meta: Record<string, MemberMeta>;
  name: string;
  description: string;
  ruleSetId: string;
  /** Participating bodies that are not territories (larger Comuni, Unioni, Province, Regioni…). */
  partners: AlliancePartnerInput[];
  /** Services the alliance provides, with provider, cost and fee rule. */
  services: AllianceServiceInput[];
  /** The alliance's own yearly running costs, in cents. */
  runningCostCents: number;
  /** Draft (visible, not counted) or published (counts for coverage; every rule must pass). */
  status: AllianceStatus;
  editing: Editing | null;
}

export const DEFAULT_META: MemberMeta = { status: 'proposed', lead: false };

/** The alliance being built: selection with undo/redo, member roles, name, and what is being edited. */
export function useBuilder(active: boolean) {
  const [state, setState] = useState<BuilderState>({
    selection: emptySelection(),
    meta: {},
    name: '',
    description: '',
    ruleSetId: '',
    partners: [],
    services: [],
    runningCostCents: 0,
    status: 'draft',
    editing: null,
  });

  const select = useCallback((change: (s: Selection) => Selection) => setState((st) => ({ ...st, selection: change(st.selection) })), []);
  const actions = {
    toggle: (code: string) => select((s) => toggle(s, code)),
    add: (codes: Iterable<string>) => select((s) => add(s, codes)),
    remove: (codes: Iterable<string>) => select((s) => remove(s, codes)),
    replace: (codes: Iterable<string>) => select((s) => replace(s, codes)),
    undo: () => select(undo),
    redo: () => select(redo),
    setMeta: (code: string, meta: Partial<MemberMeta>) =>
      setState((st) => {
        const next = { ...st.meta };
        if (meta.lead) for (const c of Object.keys(next)) next[c] = { ...(next[c] ?? DEFAULT_META), lead: false };
        next[code] = { ...(next[code] ?? DEFAULT_META), ...meta };
        return { ...st, meta: next };
      }),
    setFields: (fields: Partial<Omit<BuilderState, 'selection' | 'meta'>>) => setState((st) => ({ ...st, ...fields })),
    load: (loaded: Omit<BuilderState, 'selection'> & { members: string[] }) => {
      const { members, ...rest } = loaded;
      setState({ ...rest, selection: emptySelection(members) });
    },
  };

  // Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes (not while typing in a field).
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        select(undo);
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        select(redo);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, select]);

  return { state, ...actions };
}

export type Builder = ReturnType<typeof useBuilder>;
