import i18next from 'i18next';
import type { Atlas } from '../data/atlas';
import { membersBBox } from '../data/members-bbox';
import { NEW_ALLIANCE_FIELDS, useBuilderStore } from '../builder/builder-store';
import { isUnsaved } from '../builder/draft-autosave';
import { compareRefKey } from '../compare/useCompared';
import type { CompareRef } from '../compare/ComparePanel';
import { useMapStore } from './map-store';
import { updateView, useViewStore } from './view-store';

/** Fits the map to some Comuni (by their label points). */
export function focusOn(atlas: Atlas, codes: readonly string[]): void {
  const bbox = membersBBox(atlas, codes);
  if (bbox) useMapStore.getState().fitTo(bbox);
}

/**
 * A Comune picked on the map (`fly` false: already in view) or chosen from the search or a list
 * (`fly`: the map brings it into view). In the builder it joins or leaves the selection.
 */
export function selectComune(atlas: Atlas | null, code: string, fly: boolean): void {
  const { view } = useViewStore.getState();
  if (view.mode === 'build') {
    const builder = useBuilderStore.getState();
    const adding = !builder.state.selection.members.includes(code);
    builder.toggle(code);
    if (fly && adding && atlas) focusOn(atlas, [code]);
    return;
  }
  // In Servizi the Comune's coverage opens in the Servizi panel: the mode stays.
  if (view.mode === 'coverage') {
    if (fly && atlas) focusOn(atlas, [code]);
    updateView({ selected: code, association: null });
    return;
  }
  useMapStore.getState().set({ flyTo: fly ? code : null });
  // A Comune outside the filtered area is not shown faded: the filter gives way to it.
  const row = atlas?.row(code);
  const inArea = (area: string, i: number) => (area.length === 2 ? atlas?.table.region[i] : atlas?.table.province[i]) === area;
  const outside = view.area !== null && row !== undefined && !inArea(view.area, row);
  updateView({ mode: 'explore', selected: code, association: null, ...(outside ? { area: null } : {}) });
}

/** Opens the builder on these Comuni (a new alliance; unsaved work is never replaced without asking). */
export function startBuilding(codes: string[], name = ''): void {
  const builder = useBuilderStore.getState();
  const { state } = builder;
  const question = i18next.t('builder.confirmReplace', { count: state.selection.members.length, name: state.name || i18next.t('builder.untitled') });
  if (isUnsaved() && !window.confirm(question)) return;
  // A new alliance: nothing carries over from one being edited.
  if (state.editing || name) {
    builder.setFields(NEW_ALLIANCE_FIELDS);
  }
  builder.replace(codes);
  if (name) builder.setFields({ name });
  updateView({ mode: 'build', association: null });
}

/** Adds a territory to the side-by-side comparison and shows it. */
export function addToComparison(ref: CompareRef): void {
  const { compare } = useViewStore.getState().view;
  updateView({ mode: 'compare', selected: null, association: null, compare: [...new Set([...compare, compareRefKey(ref)])] });
}

export const openAlliance = (id: number | null) => updateView({ mode: 'alliances', alliance: id });
export const closePanel = () => updateView({ mode: 'explore' });
