import { describe, expect, it } from 'vitest';
import { ATOM_ID_NAMESPACE, permanentId } from '../../server/feeds/atom';

/**
 * Feed ids are standard name-based UUIDs (version 5, RFC 9562): the expected values were computed
 * independently, with Python's uuid.uuid5(uuid.NAMESPACE_URL, 'urn:ali-atlas:atom') and uuid.uuid5(ns, name).
 */
describe('permanent ids of the Atom feeds', () => {
  it('are version 5 UUIDs of the publisher and the name, in the project\'s namespace', () => {
    expect(ATOM_ID_NAMESPACE).toBe('b7570816-b791-5b83-8483-f6921bf63988');
    expect(permanentId('ipa_x', 'feed')).toBe('urn:uuid:8a72a87f-4293-5554-b5a6-1303fb2a7dc6');
    expect(permanentId('ipa_x', 'alliance/7/history/42')).toBe('urn:uuid:2e30696b-4b2e-5b37-94ce-57631891a289');
  });
});
