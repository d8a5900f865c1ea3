import { ATTRIBUTION } from '../../geodata/datasets';
import { ITALY_BOUNDS, MIN_ZOOM } from './tile-coords';
import { OVERVIEW_EXTENT, overviewOf, withPopulationClass } from './overview';
import { OVERVIEW_MAX_ZOOM, POPULATION_CLASS_FIELD } from '../../domain/first-view';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Knex } from 'knex';

interface LayerSource {
  /**
   * Rows with a `geometry` GeoJSON text column and the feature's properties, in a fixed order (a
   * tile's features come in the rows' order: without one, two reads — two instances, or an archive
   * and the index beside it — could write the same tile with other bytes).
   */
  sql: string;
  /** First zoom at which tiles carry this layer (keeps national tiles light). */
  minZoom: number;
  /** Last zoom at which tiles carry this layer (the overview's; none: all zooms). */
  maxZoom?: number;
  /** The vector-tile layer its features are written to, when not its own name (the overview writes `comuni`). */
  writtenAs?: string;
  /**
   * Generalised for the overview (server/tiles/overview.ts): borders simplified once, shared by
   * both neighbours, and tiles cut from it without further simplification.
   */
  generalised?: boolean;
  /** Whether the Comuni's population travels as their class in the default theme (see withPopulationClass). */
  classed?: boolean;
  /** Grid units across a tile, when not the default 4096. */
  extent?: number;
  /**
   * Whether its features are points: their index is split down to its deepest zoom whatever their
   * count (see POINT_INDEX in tile-index.ts).
   */
  points?: boolean;
  /** Whether features get their numeric code as id, for feature-state. */
  ids: boolean;
  /**
   * Whether the code travels as the id only (no `code` property): clients read a Comune's code from
   * the feature id (numeric, 058091 → 58091). Saves about a fifth of the overview's bytes.
   */
  codeAsIdOnly?: boolean;
  /** The properties the SQL gives each feature, with their TileJSON types (vector_layers). */
  fields: Record<string, 'String' | 'Number' | 'Boolean'>;
}

const polygons = (column: string) => `ST_AsGeoJSON(ST_ForcePolygonCCW(${column}), 6) AS geometry`;

/** The layers of the atlas tiles and where each one's features come from. */
const TILE_LAYERS = {
  // Zooms 0–6: the Comuni generalised (see overview.ts), with the default theme's class, so that
  // the first paint needs no attribute table; written as the `comuni` layer.
  comuni_overview: {
    sql: `SELECT code, province_code AS province, region_code AS region, population, ${polygons('geom')} FROM comuni ORDER BY code`,
    minZoom: 0,
    maxZoom: OVERVIEW_MAX_ZOOM,
    writtenAs: 'comuni',
    generalised: true,
    extent: OVERVIEW_EXTENT,
    ids: true,
    codeAsIdOnly: true,
    fields: { province: 'String', region: 'String', [POPULATION_CLASS_FIELD]: 'Number' },
  },
  // Geometry, keys and the default theme's class (as in the overview: the default map needs no
  // figure joined at any zoom); the other figures reach the client once, in /api/atlas, joined by code.
  comuni: {
    sql: `SELECT code, province_code AS province, region_code AS region, population, ${polygons('geom')} FROM comuni ORDER BY code`,
    minZoom: OVERVIEW_MAX_ZOOM + 1,
    ids: true,
    classed: true,
    fields: { code: 'String', province: 'String', region: 'String', [POPULATION_CLASS_FIELD]: 'Number' },
  },
  // Provinces and regions: generalised too up to zoom 6 (their outlines are the Comuni's borders).
  // Up to zoom 6 their outlines only (the map draws lines; the names are in `labels`), the code as the id.
  provinces_overview: {
    sql: `SELECT code, ${polygons('geom')} FROM provinces ORDER BY code`,
    minZoom: 0,
    maxZoom: OVERVIEW_MAX_ZOOM,
    writtenAs: 'provinces',
    generalised: true,
    extent: OVERVIEW_EXTENT,
    ids: true,
    codeAsIdOnly: true,
    fields: {},
  },
  provinces: {
    sql: `SELECT code, name, acronym, region_code AS region, ${polygons('geom')} FROM provinces ORDER BY code`,
    minZoom: OVERVIEW_MAX_ZOOM + 1,
    ids: true,
    fields: { code: 'String', name: 'String', acronym: 'String', region: 'String' },
  },
  regions_overview: {
    sql: `SELECT code, ${polygons('geom')} FROM regions ORDER BY code`,
    minZoom: 0,
    maxZoom: OVERVIEW_MAX_ZOOM,
    writtenAs: 'regions',
    generalised: true,
    extent: OVERVIEW_EXTENT,
    ids: true,
    codeAsIdOnly: true,
    fields: {},
  },
  regions: { sql: `SELECT code, name, ${polygons('geom')} FROM regions ORDER BY code`, minZoom: OVERVIEW_MAX_ZOOM + 1, ids: true, fields: { code: 'String', name: 'String' } },
  labels: {
    sql: `SELECT 'province' AS kind, code, name, ST_AsGeoJSON(ST_PointOnSurface(geom), 6) AS geometry FROM provinces
          UNION ALL
          SELECT 'region', code, name, ST_AsGeoJSON(ST_PointOnSurface(geom), 6) FROM regions
          ORDER BY kind, code`,
    minZoom: 0,
    points: true,
    ids: false,
    fields: { kind: 'String', code: 'String', name: 'String' },
  },
  comuni_labels: {
    sql: `SELECT code, name, population, ST_AsGeoJSON(label_point, 6) AS geometry FROM comuni ORDER BY code`,
    minZoom: 8,
    points: true,
    ids: true,
    fields: { code: 'String', name: 'String', population: 'Number' },
  },
  associations: {
    sql: `SELECT id AS code, kind, name, ${polygons('outline')} FROM associations WHERE outline IS NOT NULL ORDER BY id`,
    minZoom: 0,
    ids: true,
    fields: { code: 'Number', kind: 'String', name: 'String' },
  },
} satisfies Record<string, LayerSource>;

export type TileLayerName = keyof typeof TILE_LAYERS;

export function tileLayer(name: TileLayerName): LayerSource {
  return TILE_LAYERS[name];
}

/** Tilesets served under /tiles/{name}/: the base map, and association outlines fetched only when shown. */
export const TILESETS = {
  comuni: ['comuni_overview', 'comuni', 'provinces_overview', 'provinces', 'regions_overview', 'regions', 'labels', 'comuni_labels'],
  associations: ['associations'],
} as const satisfies Record<string, readonly TileLayerName[]>;

export type TilesetName = keyof typeof TILESETS;

/** TileJSON `vector_layers` of a tileset, from the layers' own definitions (a layer written in two parts listed once). */
export function vectorLayers(name: TilesetName): { id: string; minzoom: number; fields: Record<string, string> }[] {
  const layers = new Map<string, { id: string; minzoom: number; fields: Record<string, string> }>();
  for (const source of TILESETS[name]) {
    const { minZoom, fields, writtenAs } = TILE_LAYERS[source] as LayerSource;
    const id = writtenAs ?? source;
    const known = layers.get(id);
    if (known) layers.set(id, { id, minzoom: Math.min(known.minzoom, minZoom), fields: { ...known.fields, ...fields } });
    else layers.set(id, { id, minzoom: minZoom, fields });
  }
  return [...layers.values()];
}

/** A tileset's TileJSON 3.0 (with our `dataVersion`), for the app's own tiles and for exported archives alike. */
export function tileJson(name: TilesetName, options: { tiles: string[]; maxZoom: number; dataVersion: number }) {
  return {
    tilejson: '3.0.0',
    name: `ALI Atlas – ${name}`,
    attribution: ATTRIBUTION,
    scheme: 'xyz',
    tiles: options.tiles,
    minzoom: MIN_ZOOM,
    maxzoom: options.maxZoom,
    bounds: ITALY_BOUNDS,
    vector_layers: vectorLayers(name),
    dataVersion: options.dataVersion,
  };
}

export function isTilesetName(name: string): name is TilesetName {
  return Object.hasOwn(TILESETS, name);
}

/** A layer's rows as the database gives them: the properties and the geometry as GeoJSON text. */
export type LayerRow = Record<string, string | number | boolean | null> & { geometry: string };

/** A layer's rows, as read: plain data that crosses to the tile thread, which parses and generalises them there. */
export async function readLayerRows(knex: Knex, layer: TileLayerName): Promise<LayerRow[]> {
  const result = await knex.raw<{ rows: LayerRow[] }>(tileLayer(layer).sql);
  return result.rows;
}

/** A layer's features from its rows (null properties left out), generalised when the layer is the overview. */
export function tileLayerFrom(layer: TileLayerName, rows: readonly LayerRow[]): FeatureCollection {
  const { ids, generalised, codeAsIdOnly, classed } = tileLayer(layer);
  const features: Feature[] = rows.map(({ geometry, ...props }) => {
    const properties: Record<string, string | number | boolean> = {};
    for (const [key, value] of Object.entries(props)) if (value !== null && !(codeAsIdOnly && key === 'code')) properties[key] = value;
    const feature: Feature = { type: 'Feature', properties, geometry: JSON.parse(geometry) as Geometry };
    if (ids) feature.id = Number(props.code);
    return feature;
  });
  const read: FeatureCollection = { type: 'FeatureCollection', features };
  if (generalised) return overviewOf(read as FeatureCollection<Polygon | MultiPolygon>);
  return classed ? withPopulationClass(read) : read;
}
