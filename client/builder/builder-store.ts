import { create } from 'zustand';
import type { AlliancePartnerInput, AllianceServiceInput, AllianceStatus, MemberStatus } from '../../domain/alliance';
import { EMPTY_GOVERNANCE, type Governance, type LegalForm } from '../../domain/governance';
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
  /** The legal form (Forma e fasi); null = not chosen yet. */
  legalForm: LegalForm | null;
  /** The existing Unione extended, the shared RTD, the phases, the declared success factors. */
  governance: Governance;
  editing: Editing | null;
}

export const DEFAULT_META: MemberMeta = { status: 'proposed', lead: false };

/** What a new alliance starts from (nothing carries over from one being edited). */
export const NEW_ALLIANCE_FIELDS: Omit<BuilderState, 'selection' | 'meta' | 'ruleSetId'> = {
  editing: null,
  name: '',
  description: '',
  partners: [],
  services: [],
  runningCostCents: 0,
  status: 'draft',
  legalForm: null,
  governance: EMPTY_GOVERNANCE,
};

export const EMPTY_BUILDER: BuilderState = { selection: emptySelection(), meta: {}, ruleSetId: '', ...NEW_ALLIANCE_FIELDS };

export interface BuilderActions {
  toggle(code: string): void;
  add(codes: Iterable<string>): void;
  remove(codes: Iterable<string>): void;
  replace(codes: Iterable<string>): void;
  undo(): void;
  redo(): void;
  setMeta(code: string, meta: Partial<MemberMeta>): void;
  setFields(fields: Partial<Omit<BuilderState, 'selection' | 'meta'>>): void;
  /** Loads content (a draft stored before the legal form existed lacks it: it gets the defaults). */
  load(loaded: Omit<BuilderState, 'selection' | 'legalForm' | 'governance'> & Partial<Pick<BuilderState, 'legalForm' | 'governance'>> & { members: string[] }): void;
}

/** The alliance being built: selection with undo/redo, member roles, name, and what is being edited. */
export const useBuilderStore = create<{ state: BuilderState } & BuilderActions>()((set) => {
  const select = (change: (s: Selection) => Selection) => set(({ state }) => ({ state: { ...state, selection: change(state.selection) } }));
  return {
    state: EMPTY_BUILDER,
    toggle: (code) => select((s) => toggle(s, code)),
    add: (codes) => select((s) => add(s, codes)),
    remove: (codes) => select((s) => remove(s, codes)),
    replace: (codes) => select((s) => replace(s, codes)),
    undo: () => select(undo),
    redo: () => select(redo),
    setMeta: (code, meta) =>
      set(({ state }) => {
        const next = { ...state.meta };
        if (meta.lead) for (const c of Object.keys(next)) next[c] = { ...(next[c] ?? DEFAULT_META), lead: false };
        next[code] = { ...(next[code] ?? DEFAULT_META), ...meta };
        return { state: { ...state, meta: next } };
      }),
    setFields: (fields) => set(({ state }) => ({ state: { ...state, ...fields } })),
    load: ({ members, ...rest }) => set({ state: { legalForm: null, governance: EMPTY_GOVERNANCE, ...rest, selection: emptySelection(members) } }),
  };
});

/** The builder's content and actions (actions keep their identity). */
export type Builder = { state: BuilderState } & BuilderActions;

/** Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes (not while typing in a field). Returns the detach function. */
export function attachUndoKeys(target: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    const element = e.target as HTMLElement | null;
    if (element && /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName ?? '')) return;
    if (!(e.ctrlKey || e.metaKey)) return;
    const key = e.key.toLowerCase();
    const { undo, redo } = useBuilderStore.getState();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      undo();
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault();
      redo();
    }
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
