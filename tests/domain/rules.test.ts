import { describe, expect, it } from 'vitest';
import type { Contiguity } from '../../domain/contiguity';
import { ruleSet, ruleSetForRegion } from '../../domain/rule-sets';
import { evaluateRules, type RuleMember } from '../../domain/rules';

const contiguous: Contiguity = { contiguous: true, components: [['a']], isolated: [] };
const split: Contiguity = { contiguous: false, components: [['a', 'b'], ['c']], isolated: ['c'] };
const member = (code: string, population: number, provinceCode = '001', mountain = false): RuleMember => ({
  code, name: `Comune ${code}`, population, provinceCode, mountain,
});
const national = ruleSet('national')!;
const level = (results: ReturnType<typeof evaluateRules>, id: string) => results.find((r) => r.id === id)?.level;

describe('rule checks', () => {
  it('meets the national threshold at exactly 10,000 residents and misses it at 9,999', () => {
    const at = evaluateRules({ members: [member('a', 6000), member('b', 4000)], contiguity: contiguous }, national);
    expect(level(at, 'population')).toBe('ok');
    const below = evaluateRules({ members: [member('a', 6000), member('b', 3999)], contiguity: contiguous }, national);
    expect(level(below, 'population')).toBe('problem');
    expect(below.find((r) => r.id === 'population')?.message.it).toBe('9.999 abitanti su 10.000 richiesti: ne mancano 1.');
    expect(below.find((r) => r.id === 'population')?.reference).toContain('DL 78/2010 art. 14 c. 31');
  });

  it('uses 3,000 residents with at least 3 Comuni for mountain members', () => {
    const three = [member('a', 1000, '001', true), member('b', 1000, '001', true), member('c', 1000, '001', true)];
    expect(level(evaluateRules({ members: three, contiguity: contiguous }, national), 'population')).toBe('ok');
    const two = [member('a', 2000, '001', true), member('b', 1500, '001', true)];
    const result = evaluateRules({ members: two, contiguity: contiguous }, national).find((r) => r.id === 'population');
    expect(result?.level).toBe('problem');
    expect(result?.message.en).toContain('at least 3 Comuni');
  });

  it('requires contiguity unless an exception is recorded', () => {
    const members = [member('a', 6000), member('b', 5000), member('c', 1000)];
    expect(level(evaluateRules({ members, contiguity: split }, national), 'contiguity')).toBe('problem');
    const excused = evaluateRules({ members, contiguity: split, contiguityException: 'collegamento in traghetto' }, national);
    expect(level(excused, 'contiguity')).toBe('advice');
    expect(excused.find((r) => r.id === 'contiguity')?.message.it).toContain('traghetto');
  });

  it('advises on the Comuni obliged to associate (≤ 5,000; ≤ 3,000 for mountain ones)', () => {
    const results = evaluateRules(
      { members: [member('a', 5000), member('b', 5001), member('c', 3001, '001', true)], contiguity: contiguous },
      national,
    );
    const obligation = results.find((r) => r.id === 'obligation');
    expect(obligation?.level).toBe('advice');
    expect(obligation?.message.it).toMatch(/^1 comuni .*Comune a\./);
  });

  it('applies the Piemonte tolerance of 10 % below 5,000 residents', () => {
    const piemonte = ruleSetForRegion('01');
    expect(piemonte.id).toBe('piemonte');
    const at4500 = evaluateRules({ members: [member('a', 2500), member('b', 2000)], contiguity: contiguous }, piemonte);
    expect(level(at4500, 'population')).toBe('advice');
    const at4499 = evaluateRules({ members: [member('a', 2499), member('b', 2000)], contiguity: contiguous }, piemonte);
    expect(level(at4499, 'population')).toBe('problem');
  });

  it('accepts in Veneto three Comuni of one province below 5,000, but not two provinces', () => {
    const veneto = ruleSetForRegion('05');
    const three = [member('a', 900, '025'), member('b', 800, '025'), member('c', 700, '025')];
    const results = evaluateRules({ members: three, contiguity: contiguous }, veneto);
    expect(level(results, 'population')).toBe('ok');
    expect(level(results, 'same-province')).toBe('ok');
    const mixed = evaluateRules({ members: [...three.slice(0, 2), member('c', 700, '026')], contiguity: contiguous }, veneto);
    expect(level(mixed, 'same-province')).toBe('problem');
  });

  it('accepts in Lombardia 4 times the smallest member', () => {
    const lombardia = ruleSetForRegion('03');
    const results = evaluateRules({ members: [member('a', 3000), member('b', 1000)], contiguity: contiguous }, lombardia);
    expect(level(results, 'population')).toBe('ok');
    const short = evaluateRules({ members: [member('a', 2000), member('b', 1000)], contiguity: contiguous }, lombardia);
    expect(level(short, 'population')).toBe('problem');
  });

  it('falls back to the national rules for other regions and flags a single member', () => {
    expect(ruleSetForRegion('12').id).toBe('national');
    expect(level(evaluateRules({ members: [member('a', 20000)], contiguity: contiguous }, national), 'members')).toBe('problem');
  });
});
