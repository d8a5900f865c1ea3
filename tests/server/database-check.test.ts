import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatabaseCheck } from '../../server/data/database-check';

/** A check query the test answers (or not) by hand. */
function heldProbe() {
  const calls: { resolve(value: number): void; reject(error: Error): void }[] = [];
  const probe = () => new Promise<number>((resolve, reject) => calls.push({ resolve, reject }));
  return { probe, calls };
}

describe('DatabaseCheck', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('answers from the last check that came back while the next one is held, with one check on its way however many ask', async () => {
    const { probe, calls } = heldProbe();
    const check = new DatabaseCheck(probe, { waitMs: 100, stallMs: 10_000 });
    const first = check.state();
    calls[0]!.resolve(7899);
    expect(await first).toMatchObject({ answering: true, value: 7899 });
    // The database is now held: every request answers after waitMs, from the last check.
    const asked = [check.state(), check.state(), check.state()];
    await vi.advanceTimersByTimeAsync(100);
    for (const state of await Promise.all(asked)) expect(state).toMatchObject({ answering: true, value: 7899 });
    expect(calls).toHaveLength(2); // one new check, not one per request
    calls[1]!.resolve(7900);
    expect(await check.state()).toMatchObject({ answering: true, value: 7900 });
  });

  it('says the database does not answer when a check fails or is held past stallMs, and answers again once one comes back', async () => {
    const { probe, calls } = heldProbe();
    const check = new DatabaseCheck(probe, { waitMs: 100, stallMs: 1_000 });
    const failing = check.state();
    calls[0]!.reject(new Error('PGlite is closed'));
    expect(await failing).toEqual({ answering: false });
    const ok = check.state();
    calls[1]!.resolve(1);
    expect(await ok).toMatchObject({ answering: true });
    // Held: still answering from the last check until stallMs, then not.
    const early = check.state();
    await vi.advanceTimersByTimeAsync(100);
    expect(await early).toMatchObject({ answering: true });
    await vi.advanceTimersByTimeAsync(900);
    const late = check.state(); // the held check is given up; this request starts another
    await vi.advanceTimersByTimeAsync(100);
    expect(await late).toEqual({ answering: false });
    expect(calls).toHaveLength(4);
    calls[3]!.resolve(2);
    expect(await check.state()).toMatchObject({ answering: true, value: 2 });
  });

  it('waits for the first check, having nothing to answer from, but no longer than stallMs', async () => {
    const { probe, calls } = heldProbe();
    const check = new DatabaseCheck(probe, { waitMs: 100, stallMs: 1_000 });
    let first: unknown;
    void check.state().then((state) => (first = state));
    await vi.advanceTimersByTimeAsync(500);
    expect(first).toBeUndefined();
    calls[0]!.resolve(7899);
    await vi.advanceTimersByTimeAsync(0);
    expect(first).toMatchObject({ answering: true, value: 7899 });
    // A database that never answers: not answering after stallMs.
    const never = new DatabaseCheck(heldProbe().probe, { waitMs: 100, stallMs: 1_000 }).state();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await never).toEqual({ answering: false });
  });
});
