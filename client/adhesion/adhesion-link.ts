import type { AdhesionParty } from '../api/client';

/** What an adhesion link names: `/alleanze/12/adesione?comune=001001#invito=SECRET` (or `?ente=Name`). */
export interface AdhesionLink {
  allianceId: number;
  party: AdhesionParty | null;
  token: string | null;
}

const PATH = /^\/alleanze\/(\d{1,9})\/adesione\/?$/;

/** The link of an adhesion page, or null when the address is not one. */
export function parseAdhesionLink(location: Pick<Location, 'pathname' | 'search' | 'hash'>): AdhesionLink | null {
  const match = PATH.exec(location.pathname);
  if (!match) return null;
  const query = new URLSearchParams(location.search);
  const code = query.get('comune');
  const partner = query.get('ente');
  const token = /(?:^#|&)invito=([\w-]+)/.exec(location.hash)?.[1] ?? null;
  return {
    allianceId: Number(match[1]),
    party: code && /^\d{6}$/.test(code) ? { code } : partner ? { partner } : null,
    token,
  };
}
