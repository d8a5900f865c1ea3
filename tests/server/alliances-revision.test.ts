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
});
