/** Items a page holds unless `limit` says otherwise, and at most (a larger limit is lowered to it). */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/**
 * The GeoJSON a page of items may hold, in bytes: a page ends before the feature that would pass it
 * (it always holds one), so it may hold fewer than `limit` features when they are large. Measured on
 * the embedded engine (issue 23): 1,000 associations made 11 MB and 0.7–2.2 s of one thread, and
 * health waited up to 670 ms behind three clients reading such pages. Output costs about 65 ms a MB
 * there: 2 MB (128 associations, or 877 Comuni in full detail) answers in about 200 ms on a busy
 * machine, while GDAL's pages of 1,000 still take 7 requests for every association.
 */
export const PAGE_BYTES = 2_000_000;

/**
 * The most GeoJSON one vertex makes at six decimals in CRS84: `[18.123456,47.123456],` is 22
 * bytes (Italy has no negative or three-digit degree), and a ring's brackets add at most 5 bytes to
 * its 4 or more vertices (measured: 20.8–22.8 bytes a vertex over the associations). A page's size
 * is estimated from its vertices (ST_NPoints) before any geometry is written: the stored ones, or
 * with `zoom` those left after generalising (bounded first by PAGE_VERTICES_READ).
 */
export const BYTES_PER_VERTEX = 24;

/**
 * The stored vertices a generalised page (`zoom`) may read: generalising costs by the vertices it
 * reads, not by those it keeps (on the embedded engine, 0.75–1.5 µs a vertex: 416 ms for every
 * association at zoom 4, whose GeoJSON is then only 560 kB). 160,000 is about 200 ms there, and the
 * most that 1,000 consecutive Comuni hold (154,000), so a map's pages of Comuni still hold 1,000.
 */
export const PAGE_VERTICES_READ = 160_000;

/** A feature's GeoJSON besides its vertices and its properties: `{"type":"Feature","id":…}`, its geometry's type, rings' brackets. */
export const BYTES_PER_FEATURE = 160;

/** The collection's own members besides its features: counts, time stamp and links (with their queries). */
export const PAGE_ENVELOPE_BYTES = 8_000;

/** What `limit` means, for both API descriptions (the OGC service's and the app's). */
export const LIMIT_DESCRIPTION =
  `items per page: ${DEFAULT_LIMIT} unless given, at most ${MAX_LIMIT} (a larger one is lowered to it); ` +
  `a page of large features holds fewer, up to about ${PAGE_BYTES / 1e6} MB of GeoJSON (numberReturned says how many), and its next link goes on from there`;
