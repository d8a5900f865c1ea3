import { useEffect, useState } from 'react';
import type maplibregl from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import type { Atlas } from '../../data/atlas';
import { selectComune } from '../../state/actions';
import { attachKeyboardPick, type KeyboardCentre } from '../keyboard-pick';

/** Keyboard picking: arrows move the map, Enter picks the Comune under the centre cross. Returns that Comune. */
export function useKeyboardPicking(map: maplibregl.Map | null, atlas: Atlas | null): KeyboardCentre | null {
  const { t } = useTranslation();
  const [centre, setCentre] = useState<KeyboardCentre | null>(null);

  useEffect(() => {
    if (!map) return;
    return attachKeyboardPick(map, 'comuni-fill', { onCentre: setCentre, onPick: (code) => selectComune(atlas, code, false) });
  }, [map, atlas]);

  // The canvas says how to use it from the keyboard, in the current language.
  const label = `${t('map.label')}. ${t('map.keyboard')}`;
  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', label);
  }, [map, label]);
  return centre;
}
