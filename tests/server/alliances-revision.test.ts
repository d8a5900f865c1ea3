import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlliancesRevision } from '../../server/data/alliances-revision';

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
