import { describe, expect, it } from 'vitest';
import { add, emptySelection, frontier, redo, remove, replace, toggle, undo } from '../../domain/selection';

describe('selection with undo and redo', () => {
  it('toggles, adds and removes, each as one undoable step', () => {
    let s = emptySelection();
    s = toggle(s, 'a');
    s = add(s, ['b', 'c', 'a']);
    s = remove(s, ['b']);
    expect(s.members).toEqual(['a', 'c']);
    s = undo(s);
    expect(s.members).toEqual(['a', 'b', 'c']);
    s = undo(s);
    expect(s.members).toEqual(['a']);
    s = redo(s);
    expect(s.members).toEqual(['a', 'b', 'c']);
    s = toggle(s, 'a');
    expect(s.members).toEqual(['b', 'c']);
    expect(redo(s)).toBe(s); // a new step clears what could be redone
  });

  it('adds no step when nothing changes', () => {
    const s = add(emptySelection(['a']), ['a']);
    expect(s.past).toHaveLength(0);
    expect(remove(s, ['z'])).toBe(s);
    expect(undo(s)).toBe(s);
  });

  it('replaces the whole selection in one step', () => {
    const s = replace(emptySelection(['a']), ['x', 'y', 'x']);
    expect(s.members).toEqual(['x', 'y']);
    expect(undo(s).members).toEqual(['a']);
  });

  it('finds the neighbours of a selection outside it', () => {
    const graph: Record<string, string[]> = { a: ['b', 'c'], b: ['a', 'd'], c: ['a'], d: ['b'] };
    expect(frontier(['a', 'b'], (c) => graph[c] ?? [])).toEqual(['c', 'd']);
  });

  it('starts with no history and each member once', () => {
    expect(emptySelection(['a', 'b', 'a'])).toEqual({ past: [], members: ['a', 'b'], future: [] });
    expect(emptySelection()).toEqual({ past: [], members: [], future: [] });
  });

  it('records a step for every change, also for a reordering or a removal of the last member', () => {
    let s = emptySelection(['a', 'b', 'c']);
    s = toggle(s, 'c');
    s = replace(s, ['b', 'a']);
    s = replace(s, ['b', 'c']);
    expect(s).toEqual({ past: [['a', 'b', 'c'], ['a', 'b'], ['b', 'a']], members: ['b', 'c'], future: [] });
    s = undo(undo(s));
    expect(s).toEqual({ past: [['a', 'b', 'c']], members: ['a', 'b'], future: [['b', 'a'], ['b', 'c']] });
    s = redo(s);
    expect(s).toEqual({ past: [['a', 'b', 'c'], ['a', 'b']], members: ['b', 'a'], future: [['b', 'c']] });
  });

  it('lists the frontier sorted by code', () => {
    const graph: Record<string, string[]> = { a: ['z', 'c', 'b'], b: ['d', 'a'] };
    expect(frontier(['b', 'a'], (c) => graph[c] ?? [])).toEqual(['c', 'd', 'z']);
  });
});
