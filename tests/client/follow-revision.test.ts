import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { alliancesRevisionQuery, queryClient } from '../../client/data/queries';
import { followAlliancesRevision, REVISION_CHECK_MS } from '../../client/data/follow-revision';

/** A page's document and window, as far as the follower uses them. */
class StandInDocument extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';
}

describe('following the server’s alliances revision', () => {
  let fetch: ReturnType<typeof vi.fn>;
  let doc: StandInDocument;
  let win: EventTarget;
  let serverRevision: number;
  let stop: () => void = () => undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    serverRevision = 10;
    fetch = vi.fn(async () => Response.json({ revision: serverRevision }));
    doc = new StandInDocument();
    win = new EventTarget();
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('document', doc);
    vi.stubGlobal('window', win);
    queryClient.clear();
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const known = () => queryClient.getQueryData(alliancesRevisionQuery().queryKey);
  const settle = () => vi.advanceTimersByTimeAsync(0);

  it('reads it at start, then every interval while the page is visible', async () => {
    stop = followAlliancesRevision();
    await settle();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(known()).toBe(10);
    serverRevision = 11;
    await vi.advanceTimersByTimeAsync(REVISION_CHECK_MS);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(known()).toBe(11);
  });

  it('asks nothing while the page is hidden, and asks at once when it is shown again or focused', async () => {
    stop = followAlliancesRevision();
    await settle();
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(3 * REVISION_CHECK_MS);
    expect(fetch).toHaveBeenCalledTimes(1);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(fetch).toHaveBeenCalledTimes(2);
    win.dispatchEvent(new Event('focus'));
    await settle();
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('stops when told', async () => {
    stop = followAlliancesRevision();
    await settle();
    stop();
    win.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(2 * REVISION_CHECK_MS);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
