import { describe, expect, it } from 'vitest';
import { OneAtATime } from '../../server/data/one-at-a-time';

/** A build that ends when told to, and says when it started. */
function controlled(log: string[], name: string) {
  let end!: (value: string) => void;
  let fail!: (error: Error) => void;
  const build = () => {
    log.push(`start ${name}`);
    return new Promise<string>((resolve, reject) => {
      end = resolve;
      fail = reject;
    });
  };
  return { build, end: (v = name) => end(v), fail: (e: Error) => fail(e) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('OneAtATime', () => {
  it('starts a build at once when none runs', async () => {
    const log: string[] = [];
    const one = new OneAtATime<string>();
    const a = controlled(log, 'a');
    const result = one.run(a.build);
    expect(log).toEqual(['start a']);
    a.end();
    expect(await result).toBe('a');
  });

  it('starts a build asked during another only after it ends, and shares it with everyone asking meanwhile', async () => {
    const log: string[] = [];
    const one = new OneAtATime<string>();
    const a = controlled(log, 'a');
    const b = controlled(log, 'b');
    const c = controlled(log, 'c');
    const first = one.run(a.build);
    const second = one.run(b.build);
    const third = one.run(c.build);
    await tick();
    expect(log).toEqual(['start a']);
    a.end();
    expect(await first).toBe('a');
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    b.end();
    expect(await second).toBe('b');
    expect(await third).toBe('b');
    expect(log).toEqual(['start a', 'start b']);
    // Idle again: the next build starts at once.
    const d = controlled(log, 'd');
    const fourth = one.run(d.build);
    expect(log.at(-1)).toBe('start d');
    d.end();
    expect(await fourth).toBe('d');
  });

  it('goes on after a failed build: the failure is its callers’ alone', async () => {
    const log: string[] = [];
    const one = new OneAtATime<string>();
    const a = controlled(log, 'a');
    const b = controlled(log, 'b');
    const first = one.run(a.build);
    const second = one.run(b.build);
    a.fail(new Error('boom'));
    await expect(first).rejects.toThrow('boom');
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    b.end();
    expect(await second).toBe('b');
  });
});
