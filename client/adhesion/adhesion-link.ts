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

/**
 * The secret leaves the address bar (and the browser's history) once read; this tab keeps it for
 * a reload. Returns the link with its token from either place.
 */
export function keepSecret(link: AdhesionLink, storage: Pick<Storage, 'getItem' | 'setItem'>, replaceUrl: (url: string) => void, location: Pick<Location, 'pathname' | 'search'>): AdhesionLink {
  const key = `ali-atlas:invito:${link.allianceId}:${location.search}`;
  try {
    if (link.token) {
      storage.setItem(key, link.token);
      replaceUrl(location.pathname + location.search);
      return link;
    }
    return { ...link, token: storage.getItem(key) };
  } catch {
    return link; // storage refused (private mode): the secret stays where it was
  }
}
