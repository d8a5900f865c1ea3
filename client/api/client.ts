import type { AtlasTable } from '../../domain/atlas-table';
import type { AssociationDetails, AssociationSummary, ComuneDetails, SearchHit } from './types';

/** An API error with the server's message, fit to show a person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(response.status, body?.error?.message ?? `HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}

export const api = {
  config: () => getJson<{ basemapUrl: string | null; attribution: string }>('/api/config'),
  atlas: () => getJson<AtlasTable>('/api/atlas'),
  comune: (code: string, signal?: AbortSignal) => getJson<ComuneDetails>(`/api/comuni/${encodeURIComponent(code)}`, signal),
  search: (q: string, signal?: AbortSignal) =>
    getJson<{ results: SearchHit[] }>(`/api/comuni?${new URLSearchParams({ q, limit: '8' })}`, signal).then((r) => r.results),
  association: (id: number, signal?: AbortSignal) => getJson<AssociationDetails>(`/api/associations/${id}`, signal),
  associations: (kind: string) =>
    getJson<{ associations: AssociationSummary[] }>(`/api/associations?kind=${kind}`).then((r) => r.associations),
};
