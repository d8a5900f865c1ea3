import { describe, expect, it } from 'vitest';
import { AnswerMemory } from '../../server/http/answer-memory';
import { cachedBody } from '../../server/http/gzipped';

describe('AnswerMemory', () => {
  it('builds an answer once and gives it again while it is kept', () => {
    const memory = new AnswerMemory(1e5);
    let builds = 0;
    const build = () => (builds++, cachedBody('{"query":"roma","results":[]}'));
    const first = memory.get('["1","roma",10]', build);
    expect(memory.get('["1","roma",10]', build)).toBe(first);
    expect(builds).toBe(1);
    expect(memory.get('["2","roma",10]', build)).not.toBe(first);
    expect(builds).toBe(2);
  });

  it('keeps within its bytes, the least recently used going first, and never keeps an answer larger than the budget', () => {
    const answer = (text: string) => cachedBody(text);
    // Incompressible enough: each answer about 1 KB gzipped.
    const noise = (seed: number) => Array.from({ length: 300 }, (_, i) => ((seed * 7919 + i * 104729) % 99991).toString(36)).join(',');
    const memory = new AnswerMemory(5_000);
    let builds = 0;
    const build = (seed: number) => () => (builds++, answer(noise(seed)));
    for (let seed = 0; seed < 20; seed++) memory.get(`k${seed}`, build(seed));
    expect(memory.bytes).toBeLessThanOrEqual(5_000);
    expect(memory.bytes).toBeGreaterThan(0);
    builds = 0;
    memory.get('k19', build(19)); // the newest is kept
    expect(builds).toBe(0);
    memory.get('k0', build(0)); // the oldest is gone
    expect(builds).toBe(1);
    const huge = new AnswerMemory(100);
    huge.get('big', build(1));
    expect(huge.bytes).toBe(0);
    builds = 0;
    huge.get('big', build(1));
    expect(builds).toBe(1);
  });
});
