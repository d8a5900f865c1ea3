import { useEffect, useRef } from 'react';
import maplibregl from 'maplibre-gl';
import { atlasStyle } from './style';

const ITALY: [number, number, number, number] = [6.6, 36.6, 18.6, 47.1];

/** The national map, drawn from the atlas tiles. */
export function AtlasMap({ label }: { label: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: atlasStyle(new URL('/tiles/comuni.json', window.location.href).href),
      bounds: ITALY,
      attributionControl: { compact: false },
    });
    map.addControl(new maplibregl.NavigationControl(), 'top-right');
    // Lets people (and browser tests) know when everything in view is drawn.
    const element = container.current;
    map.on('dataloading', () => (element.dataset.state = 'loading'));
    map.on('idle', () => (element.dataset.state = 'idle'));
    return () => map.remove();
  }, []);
  return <div ref={container} role="region" aria-label={label} data-testid="atlas-map" />;
}
