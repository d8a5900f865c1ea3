import type maplibregl from 'maplibre-gl';
import { comuneCodeOfFeatureId } from '../../domain/codes';

/** The Comune at the centre of the map while it has keyboard focus, and where that centre is on screen. */
export interface KeyboardCentre {
  code: string | null;
  x: number;
  y: number;
}

interface Handlers {
  /** The centre changed (null: the map lost keyboard focus). */
  onCentre(centre: KeyboardCentre | null): void;
  /** Enter or Space: the Comune at the centre is picked, as a click would. */
  onPick(code: string): void;
}

/**
 * Picking Comuni on the map from the keyboard: with the map focused, the arrow keys and + / − move
 * it (MapLibre's own keys), a cross marks its centre, the Comune under the cross is announced, and
 * Enter or Space picks it. Returns a function that detaches it.
 */
export function attachKeyboardPick(map: maplibregl.Map, layer: string, handlers: Handlers): () => void {
  const canvas = map.getCanvas();
  let active = false;
  let last: KeyboardCentre | null = null;

  const centre = (): KeyboardCentre => {
    const point = map.project(map.getCenter());
    const feature = map.getLayer(layer) ? map.queryRenderedFeatures(point, { layers: [layer] })[0] : undefined;
    // The Comune's code is its feature id (the overview tiles carry no `code` property).
    return { code: comuneCodeOfFeatureId(feature?.id), x: point.x, y: point.y };
  };
  const report = () => {
    if (!active) return;
    const now = centre();
    if (last && last.code === now.code && last.x === now.x && last.y === now.y) return;
    last = now;
    handlers.onCentre(now);
  };
  const onFocus = () => {
    // Only a keyboard focus (not a click or a drag) shows the cross.
    if (!canvas.matches(':focus-visible')) return;
    active = true;
    report();
  };
  const onBlur = () => {
    if (!active) return;
    active = false;
    last = null;
    handlers.onCentre(null);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    if (!active) {
      active = true;
      report();
      return;
    }
    const { code } = centre();
    if (code) handlers.onPick(code);
  };
  const onIdle = () => report();

  canvas.addEventListener('focus', onFocus);
  canvas.addEventListener('blur', onBlur);
  canvas.addEventListener('keydown', onKey);
  map.on('moveend', report);
  map.on('idle', onIdle);
  return () => {
    canvas.removeEventListener('focus', onFocus);
    canvas.removeEventListener('blur', onBlur);
    canvas.removeEventListener('keydown', onKey);
    map.off('moveend', report);
    map.off('idle', onIdle);
  };
}
