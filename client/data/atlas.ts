import { useEffect, useState } from 'react';
import type { AtlasTable } from '../../domain/atlas-table';
import { api } from '../api/client';
import { pageDataVersion } from '../page-meta';

/** The attribute table with a lookup by ISTAT code. */
export class Atlas {
  private readonly rows = new Map<string, number>();
  readonly provinceByCode: Map<string, AtlasTable['provinces'][number]>;
  readonly regionByCode: Map<string, AtlasTable['regions'][number]>;

  constructor(readonly table: AtlasTable) {
    table.code.forEach((code, i) => this.rows.set(code, i));
    this.provinceByCode = new Map(table.provinces.map((p) => [p.code, p]));
    this.regionByCode = new Map(table.regions.map((r) => [r.code, r]));
  }

  get size(): number {
    return this.table.code.length;
  }

  row(code: string): number | undefined {
    return this.rows.get(code);
  }

  name(code: string): string {
    const i = this.rows.get(code);
    return i === undefined ? code : (this.table.name[i] as string);
  }

  /** Bounding box of a region (2 digits) or province (3 digits). */
  areaBBox(area: string): [number, number, number, number] | undefined {
    return (area.length === 2 ? this.regionByCode.get(area) : this.provinceByCode.get(area))?.bbox;
  }
}

let request: Promise<AtlasTable> | null = null;

/**
 * Starts loading the table (once): `main.tsx` calls it before React renders, so the table travels
 * while the map is being set up (the page preloads the same URL); a failed load is asked again
 * by the next caller.
 */
export function loadAtlas(): Promise<AtlasTable> {
  request ??= api.atlas(pageDataVersion()).catch((error: unknown) => {
    request = null;
    throw error;
  });
  return request;
}

/** The table, once loaded; the server caches it by data version. */
export function useAtlas(): { atlas: Atlas | null; error: string | null } {
  const [state, setState] = useState<{ atlas: Atlas | null; error: string | null }>({ atlas: null, error: null });
  useEffect(() => {
    let live = true;
    loadAtlas()
      .then((table) => live && setState({ atlas: new Atlas(table), error: null }))
      .catch((error: unknown) => live && setState({ atlas: null, error: (error as Error).message }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
