import { describe, expect, it } from 'vitest';
import { keepSecret, parseAdhesionLink } from '../../client/adhesion/adhesion-link';

const at = (href: string) => {
  const u = new URL(href, 'https://atlante.example.it');
  return { pathname: u.pathname, search: u.search, hash: u.hash };
};

describe('adhesion links', () => {
  it('reads the alliance, the Comune or body, and the secret', () => {
    expect(parseAdhesionLink(at('/alleanze/12/adesione?comune=001001#invito=abc_DEF-1'))).toEqual({ allianceId: 12, party: { code: '001001' }, token: 'abc_DEF-1' });
    expect(parseAdhesionLink(at('/alleanze/12/adesione?ente=Citt%C3%A0%20di%20Torino#invito=x'))).toEqual({ allianceId: 12, party: { partner: 'Città di Torino' }, token: 'x' });
    expect(parseAdhesionLink(at('/alleanze/12/adesione?comune=1001'))).toEqual({ allianceId: 12, party: null, token: null });
    expect(parseAdhesionLink(at('/alleanze/12'))).toBeNull();
  });

  it('moves the secret out of the address into the tab, and finds it there after a reload', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const replaced: string[] = [];
    const first = at('/alleanze/12/adesione?comune=001001#invito=secret');
    expect(keepSecret(parseAdhesionLink(first)!, storage, (u) => replaced.push(u), first).token).toBe('secret');
    expect(replaced).toEqual(['/alleanze/12/adesione?comune=001001']);
    const reload = at('/alleanze/12/adesione?comune=001001');
    expect(keepSecret(parseAdhesionLink(reload)!, storage, (u) => replaced.push(u), reload).token).toBe('secret');
    // Another Comune's page in the same tab does not pick it up.
    const other = at('/alleanze/12/adesione?comune=001002');
    expect(keepSecret(parseAdhesionLink(other)!, storage, () => undefined, other).token).toBeNull();
  });
});
