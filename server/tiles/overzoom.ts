import { gunzipSync } from 'node:zlib';
import { geoJSONToTile } from '@maplibre/geojson-vt';
import { VectorTile } from '@mapbox/vector-tile';
import type { Feature } from 'geojson';
import { PbfReader } from 'pbf';
import { encodeTile, type CutLayer } from './tile-encoding';
import type { TileCoord } from './tile-coords';
import type { EncodedTile } from './tile-memory';

/** The ancestor of a tile at a shallower zoom. */
export function ancestorAt({ z, x, y }: TileCoord, zoom: number): TileCoord {
  const shift = z - zoom;
  return { z: zoom, x: x >> shift, y: y >> shift };
}

/**
 * A tile deeper than an archive holds, cut from its ancestor's tile (gzipped, as the archive
 * stores it): each layer decoded, its features clipped to the child and its buffer (the same share
 * of the extent as the tiles cut from the database), without simplifying any further, repaired and
 * encoded as every tile is (tile-encoding.ts). Null when nothing is left in the child.
 */
export function deriveTile(parentGzipped: Uint8Array, parent: TileCoord, child: TileCoord): EncodedTile | null {
  if (child.z <= parent.z || ancestorAt(child, parent.z).x !== parent.x || ancestorAt(child, parent.z).y !== parent.y) {
    throw new Error(`${child.z}/${child.x}/${child.y} is not below ${parent.z}/${parent.x}/${parent.y}`);
  }
  const tile = new VectorTile(new PbfReader(gunzipSync(parentGzipped)));
  function* layers(): Generator<CutLayer> {
    for (const [name, layer] of Object.entries(tile.layers)) {
      const features: Feature[] = [];
      for (let i = 0; i < layer.length; i++) {
        const feature = layer.feature(i);
        const geojson = feature.toGeoJSON(parent.x, parent.y, parent.z);
        if (feature.id === undefined) delete geojson.id;
        features.push(geojson);
      }
      const cut = geoJSONToTile({ type: 'FeatureCollection', features }, child.z, child.x, child.y, {
        extent: layer.extent,
        buffer: layer.extent / 64,
        tolerance: 0,
        maxZoom: child.z,
        clip: true,
      });
      yield { writtenAs: name, tile: cut, extent: layer.extent };
    }
  }
  return encodeTile(layers());
}
