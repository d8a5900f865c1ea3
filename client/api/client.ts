import type { Polygon } from 'geojson';
import type { AdjacencyTable, AtlasTable, MembershipTable } from '../../domain/atlas-table';
import type { Overlap } from '../../domain/overlaps';
import type {
  AdhesionView,
  AllianceListItem,
  AllianceView,
  AssociationDetails,
  AssociationSummary,
  CatalogueService,
  ComuneCoverage,
  ComuneDetails,
  CoverageReport,
  FeeReport,
  HistoryEntryView,
  InvitationRow,
  IssuedInvitation,
  Resolution,
  SavedAlliance,
  SearchHit,
  SourcesAnswer,
  SuggestionsAnswer,
} from './types';

/** An API error with the server's message, fit to show a person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Any JSON request; an answer other than 2xx becomes an ApiError with the server's message. */
async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(response.status, body?.error?.message ?? `HTTP ${response.status}`);
  }
  // 204 No Content: nothing to read.
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const getJson = <T>(path: string, signal?: AbortSignal, token?: string) =>
  requestJson<T>(path, { signal, ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}) });

/** A member Comune by ISTAT code, or a participating body by name. */
export type AdhesionParty = { code: string } | { partner: string };

const adhesionPath = (id: number, party: AdhesionParty) =>
  'code' in party ? `/api/alliances/${id}/members/${party.code}/adhesion` : `/api/alliances/${id}/partners/${encodeURIComponent(party.partner)}/adhesion`;

const sendJson = <T>(method: string, path: string, body: unknown, options: { signal?: AbortSignal; headers?: Record<string, string> } = {}) =>
  requestJson<T>(path, {
    method,
    signal: options.signal,
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(body),
  });

export const api = {
  config: () => getJson<{ basemapUrl: string | null; attribution: string; attributions?: { it: string; en: string }; publisherName?: string }>('/api/config'),
  /** With the page's data version, the URL the page preloads (immutable: cached for good). */
  atlas: (version: string | null) => getJson<AtlasTable>(version ? `/api/atlas?v=${version}` : '/api/atlas'),
  sources: (signal?: AbortSignal) => getJson<SourcesAnswer>('/api/sources', signal),
  comune: (code: string, signal?: AbortSignal) => getJson<ComuneDetails>(`/api/comuni/${encodeURIComponent(code)}`, signal),
  search: (q: string, signal?: AbortSignal) =>
    getJson<{ results: SearchHit[] }>(`/api/comuni?${new URLSearchParams({ q, limit: '8' })}`, signal).then((r) => r.results),
  association: (id: number, signal?: AbortSignal) => getJson<AssociationDetails>(`/api/associations/${id}`, signal),
  associations: (kind: string, signal?: AbortSignal) =>
    getJson<{ associations: AssociationSummary[] }>(`/api/associations?kind=${kind}`, signal).then((r) => r.associations),
  adjacency: () => getJson<AdjacencyTable>('/api/atlas/adjacency'),
  /** Each Comune's Unioni, Comunità Montane, SLL and SNAI area (the planner's facts). */
  memberships: () => getJson<MembershipTable>('/api/atlas/memberships'),
  overlaps: (members: readonly string[], signal?: AbortSignal) =>
    sendJson<{ overlaps: Overlap[] }>('POST', '/api/territories/analyze', { members }, { signal }).then((r) => r.overlaps),
  /** Comuni wholly or mostly inside a drawn polygon; with `partialShare`, also those it only grazes. */
  within: (polygon: Polygon, options: { minShare?: number; partialShare?: number } = {}) =>
    sendJson<{ codes: string[]; partial: string[] }>('POST', '/api/comuni/within', { polygon, minShare: options.minShare ?? 0.5, partialShare: options.partialShare }),
  resolve: (entries: string[]) => sendJson<Resolution>('POST', '/api/comuni/resolve', { entries }),
  /** Saved alliances (every page, newest first); with `q`, those named so or with a member Comune of that name. */
  alliances: async (q = '', signal?: AbortSignal) => {
    const all: AllianceListItem[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ limit: '500', ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) });
      const page: { alliances: AllianceListItem[]; nextCursor: string | null } = await getJson(`/api/alliances?${params}`, signal);
      all.push(...page.alliances);
      cursor = page.nextCursor;
    } while (cursor !== null && all.length < 20_000);
    return all;
  },
  alliance: (id: number, signal?: AbortSignal) => getJson<AllianceView>(`/api/alliances/${id}`, signal),
  /** The alliances' state as a number that changes whenever they (or the catalogue) change, whoever wrote. */
  alliancesRevision: (signal?: AbortSignal) => getJson<{ revision: number }>('/api/alliances/revision', signal).then((r) => r.revision),
  /** Creates an alliance, or saves an edit with its token and the version it started from. */
  saveAlliance: (body: object, editing: { id: number; version: number; token: string } | null) =>
    editing
      ? sendJson<SavedAlliance>('PATCH', `/api/alliances/${editing.id}`, body, {
          headers: { Authorization: `Bearer ${editing.token}`, 'If-Match': String(editing.version) },
        })
      : sendJson<SavedAlliance>('POST', '/api/alliances', body),
  /** Soft delete with the edit token and the version being looked at (409 if someone saved since). */
  deleteAlliance: (id: number, version: number, token: string) =>
    requestJson<void>(`/api/alliances/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}`, 'If-Match': String(version) } }),
  services: (includeRetired = false, signal?: AbortSignal) =>
    getJson<{ services: CatalogueService[] }>(`/api/services${includeRetired ? '?include=retired' : ''}`, signal).then((r) => r.services),
  /** Administrators: add (POST), change or retire/restore (PATCH) a catalogue entry. */
  saveService: (adminToken: string, body: object, code?: string) =>
    sendJson<CatalogueService>(code ? 'PATCH' : 'POST', code ? `/api/services/${encodeURIComponent(code)}` : '/api/services', body, {
      headers: { Authorization: `Bearer ${adminToken}` },
    }),
  fees: (id: number, signal?: AbortSignal) => getJson<FeeReport>(`/api/alliances/${id}/fees`, signal),
  history: (id: number, signal?: AbortSignal) => getJson<{ entries: HistoryEntryView[] }>(`/api/alliances/${id}/history`, signal).then((r) => r.entries),
  /** What an invited Comune (`code`) or body (`partner`) sees with its adhesion token. */
  adhesion: (id: number, party: AdhesionParty, token: string) => getJson<AdhesionView>(adhesionPath(id, party), undefined, token),
  decide: (id: number, party: AdhesionParty, token: string, body: object) =>
    sendJson<AdhesionView>('POST', adhesionPath(id, party), body, { headers: { Authorization: `Bearer ${token}` } }),
  invitations: (id: number, token: string, signal?: AbortSignal) =>
    getJson<{ invitations: InvitationRow[] }>(`/api/alliances/${id}/invitations`, signal, token).then((r) => r.invitations),
  reissueInvitation: (id: number, token: string, party: AdhesionParty) =>
    sendJson<IssuedInvitation>('POST', `/api/alliances/${id}/invitations`, party, { headers: { Authorization: `Bearer ${token}` } }),
  revokeInvitation: (id: number, token: string, invitationId: number) =>
    requestJson<InvitationRow>(`/api/alliances/${id}/invitations/${invitationId}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } }),
  rotateEditToken: (id: number, token: string) =>
    requestJson<{ editToken: string }>(`/api/alliances/${id}/edit-token`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } }),
  coverage: (service: string, signal?: AbortSignal) => getJson<CoverageReport>(`/api/coverage?${new URLSearchParams({ service })}`, signal),
  comuneCoverage: (service: string, code: string, signal?: AbortSignal) => getJson<ComuneCoverage>(`/api/coverage/comune?${new URLSearchParams({ service, code })}`, signal),
  suggestions: (body: { members: readonly string[]; services?: readonly string[]; ruleSet?: string; limit?: number }, signal?: AbortSignal) =>
    sendJson<SuggestionsAnswer>('POST', '/api/suggestions', body, { signal }),
  /** Administrators: record (reason) or remove (null) a contiguity exception on the version they see. */
  contiguityException: (adminToken: string, id: number, version: number, reason: string | null) =>
    requestJson<{ version: number; contiguityException: string | null }>(`/api/alliances/${id}/contiguity-exception`, {
      method: reason === null ? 'DELETE' : 'PUT',
      headers: { Authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', 'If-Match': `"${version}"` },
      ...(reason === null ? {} : { body: JSON.stringify({ reason }) }),
    }),
};
