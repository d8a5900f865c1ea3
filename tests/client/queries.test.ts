import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { allianceListQuery, coverageQuery } from '../../client/data/queries';
import { alliancesChanged, useRevisionStore } from '../../client/state/revision-store';

const page = { alliances: [], nextCursor: null };

describe('server data through the query cache', () => {
  let client: QueryClient;
  let fetch: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      // Answers after a tick, or never once aborted.
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, 5);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
      return new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    vi.stubGlobal('fetch', fetch);
    useRevisionStore.setState({ alliances: 0 });
  });
  afterEach(() => vi.unstubAllGlobals());

  const listRequests = () => fetch.mock.calls.filter(([url]) => String(url).startsWith('/api/alliances?')).length;

  it('asks for the alliance list once per alliances revision, however many read it', async () => {
    const revision = () => useRevisionStore.getState().alliances;
    await Promise.all([client.fetchQuery(allianceListQuery(revision())), client.fetchQuery(allianceListQuery(revision())), client.fetchQuery(allianceListQuery(revision()))]);
    await client.fetchQuery(allianceListQuery(revision()));
    expect(listRequests()).toBe(1);

    alliancesChanged(); // a save landed
    expect(revision()).toBe(1);
    await Promise.all([client.fetchQuery(allianceListQuery(revision())), client.fetchQuery(allianceListQuery(revision()))]);
    expect(listRequests()).toBe(2);
  });

  it('aborts a coverage request no one waits for any more', async () => {
    const pending = client.fetchQuery(coverageQuery('protocollo', 0));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    await client.cancelQueries({ queryKey: ['coverage', 'protocollo'] });
    const signal = (fetch.mock.calls[0]?.[1] as RequestInit).signal;
    expect(signal?.aborted).toBe(true);
    await expect(pending).rejects.toBeTruthy();
  });
});
