import { describe, expect, it } from 'vitest';
import { ruleSet } from '../../domain/rule-sets';
import type { SuggestionFacts } from '../../domain/suggestions';

const comune = (code: string, name: string, population: number): SuggestionFacts => ({
  code, name, population, mountain: false, provinceCode: '001', regionCode: '01',
});
const facts = new Map([comune('a', 'Alba', 4000), comune('b', 'Borgo', 1234567)].map((c) => [c.code, c]));

describe('neighbour suggestions, number format', () => {
  it('writes figures the Italian way, with a dot every three digits, in both languages', async () => {
    // Imported here so that a module that fails to load fails this test instead of the collection of the file.
    const { rankSuggestions } = await import('../../domain/suggestions');
    const [b] = rankSuggestions({ members: ['a'], candidates: ['b'], facts: (code) => facts.get(code), ruleSet: ruleSet('national')! });
    expect(b?.reasons[0]).toEqual({
      id: 'reaches-threshold',
      it: "porterebbe l'alleanza a 1.238.567 abitanti (soglia 10.000)",
      en: 'would bring the alliance to 1,238,567 residents (threshold 10,000)',
    });
  });
});
