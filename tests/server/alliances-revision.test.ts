import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlliancesRevision, KeyedPerRevision } from '../../server/data/alliances-revision';

describe('the alliances revision a server publishes', () => {
  afterEach(() => vi.useRealTimers());

  it('never starts again, after a restart, from a number published before it', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const before = new AlliancesRevision();
    for (let i = 0; i < 25; i++) before.bump(); // saves before the restart
    vi.setSystemTime(new Date('2026-03-01T10:00:01Z')); // restarted a second later
    const after = new AlliancesRevision();
    expect(after.current()).toBeGreaterThan(before.current());
  });

  it('moves by one with each change', () => {
    const revision = new AlliancesRevision(100);
    revision.bump();
    expect(revision.current()).toBe(101);
  });

  it("moves on another's NOTIFY and on a possibly missed one, not on the NOTIFY of its own transaction", () => {
    const revision = new AlliancesRevision(100);
    revision.ownTransaction('7001');
    revision.bump(); // the use case, once its transaction 7001 committed
    revision.heard('7001'); // its NOTIFY
    expect(revision.current()).toBe(101);
    revision.heard('7002'); // another instance's transaction
    expect(revision.current()).toBe(102);
    revision.heard('restore'); // a restored backup
    revision.heard(null); // the connection came back: what changed meanwhile is unknown
    expect(revision.current()).toBe(104);
    // Its own transaction is skipped once: a NOTIFY again with that id is another's change.
    revision.heard('7001');
    expect(revision.current()).toBe(105);
  });

  it('forgets its own transactions after a minute, and beyond 4,096 of them (their late NOTIFY then moves it)', () => {
    let now = 0;
    const revision = new AlliancesRevision(0, () => now);
    revision.ownTransaction('1');
    now = 60_001;
    revision.ownTransaction('2'); // 1 is forgotten now
    revision.heard('1');
    expect(revision.current()).toBe(1);
    revision.heard('2');
    expect(revision.current()).toBe(1);
    for (let id = 10; id < 10 + 4_097; id++) revision.ownTransaction(String(id));
    revision.heard('10'); // the oldest, pushed out
    expect(revision.current()).toBe(2);
    revision.heard('11');
    revision.heard(String(10 + 4_096));
    expect(revision.current()).toBe(2);
  });
});

describe('values kept per alliances revision', () => {
  /** A build the test finishes by hand, recording the revision it started at. */
  function manualBuilds(revision: AlliancesRevision) {
    const started: { at: number; finish: (value: string) => void; fail: (error: Error) => void }[] = [];
    const build = () =>
      new Promise<string>((resolve, reject) => {
        started.push({ at: revision.current(), finish: resolve, fail: reject });
      });
    return { started, build };
  }
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('builds once per revision, shared by everyone asking meanwhile', async () => {
    const revision = new AlliancesRevision(1);
    const cache = new KeyedPerRevision<string>(revision);
    const { started, build } = manualBuilds(revision);
    const [a, b] = [cache.get('k', build), cache.get('k', build)];
    expect(started).toHaveLength(1);
    started[0]!.finish('v1');
    expect(await a).toBe('v1');
    expect(await b).toBe('v1');
    expect(await cache.get('k', build)).toBe('v1');
    expect(started).toHaveLength(1);
  });

  it('runs one build at a time under a stream of changes, and never serves a build older than the asker', async () => {
    const revision = new AlliancesRevision(1);
    const cache = new KeyedPerRevision<string>(revision);
    const { started, build } = manualBuilds(revision);
    const first = cache.get('k', build);
    revision.bump(); // a change committed while the first build runs
    const second = cache.get('k', build);
    revision.bump();
    const third = cache.get('k', build);
    // Neither starts beside the running build: they wait for one more, shared.
    expect(started).toHaveLength(1);
    started[0]!.finish('old');
    expect(await first).toBe('old');
    await tick();
    expect(started).toHaveLength(2);
    expect(started[1]!.at).toBe(3); // started after both changes: it reflects them
    started[1]!.finish('new');
    expect(await second).toBe('new');
    expect(await third).toBe('new');
    // A change after the second build started: the next asker gets a third build, not 'new'.
    revision.bump();
    const fourth = cache.get('k', build);
    expect(started).toHaveLength(3);
    started[2]!.finish('newest');
    expect(await fourth).toBe('newest');
  });

  it('builds again after a failure, and a build waiting behind a failed one still runs', async () => {
    const revision = new AlliancesRevision(1);
    const cache = new KeyedPerRevision<string>(revision);
    const { started, build } = manualBuilds(revision);
    const first = cache.get('k', build);
    revision.bump();
    const second = cache.get('k', build);
    started[0]!.fail(new Error('database gone'));
    await expect(first).rejects.toThrow('database gone');
    await tick();
    started[1]!.finish('v2');
    expect(await second).toBe('v2');
    revision.bump();
    const third = cache.get('k', () => Promise.reject(new Error('again')));
    await expect(third).rejects.toThrow('again');
    const fourth = cache.get('k', build);
    expect(started).toHaveLength(3);
    started[2]!.finish('v3');
    expect(await fourth).toBe('v3');
  });

  it('keeps at most maxEntries keys, the oldest dropped first', async () => {
    const revision = new AlliancesRevision(1);
    const cache = new KeyedPerRevision<string>(revision, 2);
    let builds = 0;
    const build = (value: string) => () => {
      builds++;
      return Promise.resolve(value);
    };
    await cache.get('a', build('a'));
    await cache.get('b', build('b'));
    await cache.get('c', build('c'));
    expect(builds).toBe(3);
    expect(await cache.get('c', build('c2'))).toBe('c');
    expect(await cache.get('b', build('b2'))).toBe('b');
    expect(await cache.get('a', build('a2'))).toBe('a2'); // dropped: built again
    expect(builds).toBe(4);
  });
});

describe('values kept per alliances revision, within a byte budget', () => {
  it('drops the oldest values once their bytes pass the budget, and serves without keeping a value larger than it', async () => {
    const revision = new AlliancesRevision(1);
    const cache = new KeyedPerRevision<string>(revision, 100, { max: 100, of: (value) => value.length });
    const builds: string[] = [];
    const build = (value: string) => () => {
      builds.push(value);
      return Promise.resolve(value);
    };
    await cache.get('a', build('a'.repeat(60)));
    await cache.get('b', build('b'.repeat(30)));
    expect(cache.bytes).toBe(90);
    await cache.get('c', build('c'.repeat(40))); // 130: 'a' goes
    expect(cache.bytes).toBe(70);
    await cache.get('b', build('b2'));
    await cache.get('c', build('c2'));
    expect(builds).toHaveLength(3); // 'b' and 'c' kept
    await cache.get('a', build('a'.repeat(60))); // built again: 130, 'b' goes (the oldest)
    expect(builds).toHaveLength(4);
    expect(cache.bytes).toBe(100);
    expect(await cache.get('huge', build('h'.repeat(150)))).toHaveLength(150);
    expect(cache.bytes).toBe(0); // everything older went, and the huge one was not kept
    expect(await cache.get('huge', build('h'.repeat(150)))).toHaveLength(150);
    expect(builds).toHaveLength(6);
  });

  it('counts nothing for values dropped at a new revision or replaced', async () => {
    const revision = new AlliancesRevision(1);
    const cache = new KeyedPerRevision<string>(revision, 100, { max: 1000, of: (value) => value.length });
    await cache.get('a', () => Promise.resolve('x'.repeat(10)));
    await cache.get('b', () => Promise.resolve('y'.repeat(20)));
    expect(cache.bytes).toBe(30);
    revision.bump();
    await cache.get('a', () => Promise.resolve('z'.repeat(5)));
    expect(cache.bytes).toBe(5); // 'b' dropped with its revision, the old 'a' replaced
  });
});
