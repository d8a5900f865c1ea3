import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_BUILDER, useBuilderStore } from '../../client/builder/builder-store';
import { isUnsaved, markClean, startDraftAutosave, useAutosaveStore } from '../../client/builder/draft-autosave';
import { readDraft, writeDraft } from '../../client/builder/draft-store';
import { EMPTY_GOVERNANCE } from '../../domain/governance';

/** A Storage kept in memory. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

/** A page to leave: window and document as event targets, the document hidden or not. */
function fakePage() {
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  return { win, doc };
}

/** `beforeunload` as a browser sends it (Node's Event has a read-only returnValue). */
class BeforeUnload extends Event {
  override returnValue = true;
  constructor() {
    super('beforeunload', { cancelable: true });
  }
}

const builder = () => useBuilderStore.getState();

describe('the builder store', () => {
  beforeEach(() => useBuilderStore.setState({ state: EMPTY_BUILDER }));

  it('undoes and redoes changes to the selection, and a new change forgets what was undone', () => {
    builder().add(['001001', '001002']);
    builder().toggle('001003');
    expect(builder().state.selection.members).toEqual(['001001', '001002', '001003']);
    builder().undo();
    expect(builder().state.selection.members).toEqual(['001001', '001002']);
    builder().undo();
    expect(builder().state.selection.members).toEqual([]);
    builder().redo();
    expect(builder().state.selection.members).toEqual(['001001', '001002']);
    builder().remove(['001001']);
    builder().redo(); // nothing left to redo
    expect(builder().state.selection.members).toEqual(['001002']);
  });

  it('keeps one lead at a time and leaves the other fields alone', () => {
    builder().add(['001001', '001002']);
    builder().setMeta('001001', { lead: true });
    builder().setMeta('001002', { lead: true });
    builder().setFields({ name: 'Val Test' });
    expect(builder().state.meta['001001']?.lead).toBe(false);
    expect(builder().state.meta['001002']?.lead).toBe(true);
    expect(builder().state.name).toBe('Val Test');
    expect(builder().state.selection.members).toEqual(['001001', '001002']);
  });

  it('loads a draft stored before the legal form existed with none chosen, and keeps the form of a newer one', () => {
    const { selection: _selection, legalForm: _form, governance: _governance, ...old } = EMPTY_BUILDER;
    builder().load({ ...old, name: 'Vecchia bozza', members: ['001001'] });
    expect(builder().state).toMatchObject({ name: 'Vecchia bozza', legalForm: null, governance: EMPTY_GOVERNANCE });
    const governance = { ...EMPTY_GOVERNANCE, existingUnione: 7, phases: [{ phase: 'ricognizione' as const, date: '2026-01-15' }] };
    builder().load({ ...old, members: ['001001'], legalForm: 'unione', governance });
    expect(builder().state).toMatchObject({ legalForm: 'unione', governance });
  });
});

describe('the draft autosave, following the builder store', () => {
  let storage: MemoryStorage;
  let page: ReturnType<typeof fakePage>;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    storage = new MemoryStorage();
    page = fakePage();
    useBuilderStore.setState({ state: EMPTY_BUILDER });
    markClean(EMPTY_BUILDER, storage);
    useAutosaveStore.setState({ offer: null });
  });
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
  });
  const start = () => (stop = startDraftAutosave({ storage, window: page.win, document: page.doc, delayMs: 400 }));

  it('writes a change once, after the pause', () => {
    start();
    const setItem = vi.spyOn(storage, 'setItem');
    builder().add(['001001']);
    builder().setFields({ name: 'Val Test' });
    expect(readDraft(storage)).toBeNull();
    vi.advanceTimersByTime(400);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(readDraft(storage)?.state).toMatchObject({ members: ['001001'], name: 'Val Test' });
  });

  it('writes at once when the page is left or hidden, before the pause is over', () => {
    start();
    builder().add(['001001']);
    page.win.dispatchEvent(new Event('pagehide'));
    expect(readDraft(storage)?.state.members).toEqual(['001001']);

    builder().add(['001002']);
    page.doc.visibilityState = 'hidden';
    page.doc.dispatchEvent(new Event('visibilitychange'));
    expect(readDraft(storage)?.state.members).toEqual(['001001', '001002']);

    builder().add(['001003']);
    const leaving = new BeforeUnload();
    page.win.dispatchEvent(leaving);
    expect(readDraft(storage)?.state.members).toEqual(['001001', '001002', '001003']);
    expect(leaving.defaultPrevented).toBe(true); // the browser asks before leaving unsaved work
  });

  it('keeps nothing and asks nothing once the content is what the server has', () => {
    start();
    builder().add(['001001']);
    markClean(builder().state, storage);
    expect(isUnsaved()).toBe(false);
    const leaving = new BeforeUnload();
    page.win.dispatchEvent(leaving);
    vi.advanceTimersByTime(1000);
    expect(leaving.defaultPrevented).toBe(false);
    expect(readDraft(storage)).toBeNull();
  });

  it('offers a stored draft back when the builder starts empty, and new work replaces the offer', () => {
    writeDraft({ ...EMPTY_BUILDER, name: 'Prima' }, storage);
    start();
    expect(useAutosaveStore.getState().offer?.state.name).toBe('Prima');
    builder().add(['001001']);
    expect(useAutosaveStore.getState().offer).toBeNull();
  });

  it('stops following the store when stopped', () => {
    start();
    stop();
    builder().add(['001001']);
    vi.advanceTimersByTime(1000);
    page.win.dispatchEvent(new Event('pagehide'));
    expect(readDraft(storage)).toBeNull();
  });
});
