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
    return () => map.remove();
  }, []);
  return <div ref={container} role="region" aria-label={label} />;
}
