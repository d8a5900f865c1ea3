import { useEffect, useMemo, useRef } from 'react';
import type maplibregl from 'maplibre-gl';
import { contiguity } from '../../../domain/contiguity';
import { territoryMembers, type MemberStatus } from '../../../domain/alliance';
import { useAllianceStore } from '../../alliances/alliance-store';
import { useBuilderStore } from '../../builder/builder-store';
import { useGraph } from '../../builder/graph';
import type { Atlas } from '../../data/atlas';
import { useAssociation } from '../../data/queries';
import { useViewStore } from '../../state/view-store';
import { statusState } from '../member-status';
import { HIGHLIGHT_LAYERS, MEMBER_LAYERS, SOURCE, selectedComuneFilter } from '../style';
import { redraw, showLayers } from './map-context';

const NONE: readonly string[] = [];
const NO_PARTS: ReadonlyMap<string, number> = new Map();
const NO_STATUSES: ReadonlyMap<string, MemberStatus> = new Map();

/** Members grouped by connected part, as the map outlines them. */
function partsOf(components: readonly (readonly string[])[]): Map<string, number> {
  const parts = new Map<string, number>();
  components.forEach((part, i) => part.forEach((code) => parts.set(code, i)));
  return parts;
}

/** The outlined members: the builder's territory by connected part, or the open alliance's. */
function useMemberParts(atlas: Atlas | null): ReadonlyMap<string, number> {
  const mode = useViewStore((s) => s.view.mode);
  const graph = useGraph(atlas, mode === 'build');
  const selection = useBuilderStore((s) => s.state.selection);
  const meta = useBuilderStore((s) => s.state.meta);
  const shown = useAllianceStore((s) => s.shown);
  return useMemo(() => {
    if (mode === 'build' && graph) {
      const territory = territoryMembers(selection.members.map((code) => ({ code, status: meta[code]?.status ?? 'proposed' })));
      return partsOf(contiguity(territory, graph.neighbours).components);
    }
    if (mode === 'alliances' && shown) return partsOf(shown.contiguity.components);
    return NO_PARTS;
  }, [mode, graph, selection, meta, shown]);
}

/** A shown alliance's members by status (the builder shows parts only). */
function useStatuses(): ReadonlyMap<string, MemberStatus> {
  const mode = useViewStore((s) => s.view.mode);
  const shown = useAllianceStore((s) => s.shown);
  return useMemo(() => (mode === 'alliances' && shown ? new Map(shown.members.map((m) => [m.code, m.status] as const)) : NO_STATUSES), [mode, shown]);
}

/** Highlight and selection: the selected Comune, the chosen association, the members' parts and statuses. */
export function useHighlightAndSelection(map: maplibregl.Map | null, atlas: Atlas | null): void {
  const selected = useViewStore((s) => s.view.selected);
  const association = useAssociation(useViewStore((s) => s.view.association));
  const highlight = useMemo(() => association?.members.map((m) => m.code) ?? NONE, [association]);
  const members = useMemberParts(atlas);
  const statuses = useStatuses();
  const highlighted = useRef<readonly string[]>(NONE);
  const outlined = useRef<ReadonlyMap<string, number>>(NO_PARTS);
  const coloured = useRef<ReadonlyMap<string, MemberStatus>>(NO_STATUSES);

  useEffect(() => {
    if (!map) return;
    map.setFilter('comuni-selected', selectedComuneFilter(selected ?? null));
    redraw(map);
  }, [map, selected]);

  useEffect(() => {
    if (!map) return;
    const set = (codes: readonly string[], value: boolean) => {
      for (const c of codes) map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id: Number(c) }, { highlight: value });
    };
    set(highlighted.current, false);
    set(highlight, true);
    highlighted.current = highlight;
    showLayers(map, HIGHLIGHT_LAYERS, highlight.length > 0);
    redraw(map);
  }, [map, highlight]);

  useEffect(() => {
    if (!map) return;
    const state = (code: string, part: number) => map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id: Number(code) }, { part });
    for (const code of outlined.current.keys()) if (!members.has(code)) state(code, 0);
    for (const [code, part] of members) if (outlined.current.get(code) !== part) state(code, part + 1);
    outlined.current = members;
    showLayers(map, MEMBER_LAYERS, members.size > 0 || coloured.current.size > 0);
    redraw(map);
  }, [map, members]);

  useEffect(() => {
    if (!map) return;
    const state = (code: string, value: number) => map.setFeatureState({ source: SOURCE, sourceLayer: 'comuni', id: Number(code) }, { status: value });
    for (const code of coloured.current.keys()) if (!statuses.has(code)) state(code, 0);
    for (const [code, s] of statuses) if (coloured.current.get(code) !== s) state(code, statusState(s));
    coloured.current = statuses;
    showLayers(map, MEMBER_LAYERS, statuses.size > 0 || outlined.current.size > 0);
    redraw(map);
  }, [map, statuses]);
}
