import type { Knex } from 'knex';
import { publishedOutlinePages } from '../queries/published-alliances';
import { LICENCE } from './licence';

/**
 * The published alliances' outlines as one RFC 7946 FeatureCollection, written a page at a time:
 * the licence travels with the file as a foreign member (§6.1); the geometries are GeoJSON text
 * from the database, written as they are.
 */
export async function* outlinesGeojson(knex: Knex): AsyncGenerator<string> {
  yield `{"type":"FeatureCollection","license":${JSON.stringify(LICENCE)},"features":[`;
  let first = true;
  for await (const page of publishedOutlinePages(knex)) {
    const features = page.map(
      (r) => `{"type":"Feature","id":${r.id},"properties":${JSON.stringify({ id: r.id, name: r.name, updated: r.updated, members: r.members, ...r.governance })},"geometry":${r.geometry}}`,
    );
    yield `${first ? '' : ','}${features.join(',')}`;
    first = false;
  }
  yield ']}';
}
