import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { allianceListQuery, alliancesRevisionQuery, coverageQuery, queryClient } from '../../client/data/queries';
import { alliancesChanged } from '../../client/data/follow-revision';

const page = { alliances: [], nextCursor: null };

describe('server data through the query cache', () => {
  let client: QueryClient;
  let fetch: ReturnType<typeof vi.fn>;
  /** What the stand-in server says its alliances revision is; null: it fails to say. */
  let serverRevision: number | null;

  beforeEach(() => {
    serverRevision = 1;
    client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    fetch = vi.fn(async (url: string, init?: RequestInit) => {
      // Answers after a tick, or never once aborted.
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, 5);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
      if (String(url) === '/api/alliances/revision') {
        if (serverRevision === null) return new Response('{}', { status: 503 });
        return Response.json({ revision: serverRevision });
      }
      return Response.json(page);
    });
    vi.stubGlobal('fetch', fetch);
    queryClient.clear();
  });
  afterEach(() => vi.unstubAllGlobals());

  const requests = (prefix: string) => fetch.mock.calls.filter(([url]) => String(url).startsWith(prefix)).length;

  it('asks for the alliance list once per alliances revision, however many read it', async () => {
    await Promise.all([client.fetchQuery(allianceListQuery(7)), client.fetchQuery(allianceListQuery(7)), client.fetchQuery(allianceListQuery(7))]);
    await client.fetchQuery(allianceListQuery(7));
    expect(requests('/api/alliances?')).toBe(1);

    await Promise.all([client.fetchQuery(allianceListQuery(8)), client.fetchQuery(allianceListQuery(8))]);
    expect(requests('/api/alliances?')).toBe(2);
  });

  it('after a write of this page, reads the server’s revision at once', async () => {
    expect(await queryClient.fetchQuery(alliancesRevisionQuery())).toBe(1);
    serverRevision = 2;
    await alliancesChanged();
    expect(queryClient.getQueryData(alliancesRevisionQuery().queryKey)).toBe(2);
    expect(requests('/api/alliances/revision')).toBe(2);
  });

  it('reads again what derives from the alliances when the revision cannot be read after a write', async () => {
    await queryClient.fetchQuery(alliancesRevisionQuery());
    await queryClient.fetchQuery(allianceListQuery(1));
    await queryClient.fetchQuery({ queryKey: ['comune', '001001'], queryFn: () => 'Agliè' });
    serverRevision = null;
    await alliancesChanged();
    expect(queryClient.getQueryState(allianceListQuery(1).queryKey)?.isInvalidated).toBe(true);
    // What does not derive from the alliances stays.
    expect(queryClient.getQueryState(['comune', '001001'])?.isInvalidated).toBe(false);
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
