import { describe, expect, it } from 'vitest';
import { decodeMembers, encodeMembers, readSharedDraft, sharedDraftLink } from '../../client/builder/shared-draft';

describe('shared drafts', () => {
  it('writes members compactly and reads them back sorted, once each', () => {
    expect(encodeMembers(['001004', '001001', '001002', '001001'])).toBe('rt.1.2');
    expect(decodeMembers('rt.1.2')).toEqual(['001001', '001002', '001004']);
    expect(decodeMembers(encodeMembers(['111107', '001001']))).toEqual(['001001', '111107']);
  });

  it('keeps two thousand Comuni within a URL the server accepts (8 KB)', () => {
    const codes = Array.from({ length: 2000 }, (_, i) => String(1001 + i * 53).padStart(6, '0'));
    const link = sharedDraftLink('https://atlante.example.it', codes, 'ALI della Bassa Romagna');
    expect(link.length).toBeLessThan(8 * 1024);
    expect(readSharedDraft(new URL(link).search)).toEqual({ codes, name: 'ALI della Bassa Romagna' });
  });

  it('ignores mangled lists', () => {
    for (const bad of ['', 'rt..1', 'RT', 'rt.-1', 'zzzzz.zzzzz', 'rt,1']) expect(decodeMembers(bad), bad).toBeNull();
    expect(readSharedDraft('?mode=build')).toBeNull();
    expect(readSharedDraft('?membri=%3Cscript%3E')).toBeNull();
  });
});
