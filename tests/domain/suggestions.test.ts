import { describe, expect, it } from 'vitest';
import { ruleSet } from '../../domain/rule-sets';
import { rankSuggestions, type SuggestionFacts, type SuggestionInput } from '../../domain/suggestions';

const comune = (code: string, name: string, population: number | null, more: Partial<SuggestionFacts> = {}): SuggestionFacts => ({
  code, name, population, mountain: false, provinceCode: '001', regionCode: '01', sll: null, snai: null, hub: null, ...more,
});
const all = [
  comune('a', 'Alba', 4000, { sll: 'S1', snai: 'N1', hub: 'H1' }),
  comune('b', 'Borgo', 4500, { sll: 'S1', hub: 'H1' }),
  comune('c', 'Castelcroce', 1740, { provinceCode: '002', sll: 'S9' }),
  comune('d', 'Dorno', 1000, { sll: 'S1', snai: 'N1', hub: 'H1' }),
  comune('f', 'Fara', 200),
  comune('g', 'Fara', 200),
  comune('h', 'Grande', 60000, { provinceCode: '002' }),
  comune('m1', 'Monte Uno', 1000, { mountain: true }),
  comune('m2', 'Monte Due', 1200, { mountain: true }),
  comune('m3', 'Monte Tre', 900, { mountain: true }),
  comune('p', 'Piano', 900),
  comune('e', 'Erbe', 1500, { sll: 'S2' }),
  comune('m4', 'Monte Quattro', 3000, { mountain: true }),
  comune('m5', 'Monte Cinque', 800, { mountain: true }),
  comune('u', 'Ignota', null),
  comune('q', 'Quarna', 2000, { provinceCode: '003', sll: 'S9', snai: 'N2', hub: 'H2' }),
];
const facts = new Map(all.map((c) => [c.code, c]));
const national = ruleSet('national')!;
const input = (members: string[], candidates: string[], more: Partial<SuggestionInput> = {}): SuggestionInput => ({
  members, candidates, facts: (code) => facts.get(code), ruleSet: national, ...more,
});

describe('neighbour suggestions', () => {
  it('ranks first the candidate that brings the selection over 10,000 residents, and says so', () => {
    const [first] = rankSuggestions(input(['a', 'b'], ['d', 'c', 'f']));
    expect(first?.code).toBe('c');
    expect(first?.populationAfter).toBe(10240);
    expect(first?.reasons[0]).toEqual({
      id: 'reaches-threshold',
      it: "porterebbe l'alleanza a 10.240 abitanti (soglia 10.000)",
      en: 'would bring the alliance to 10,240 residents (threshold 10,000)',
    });
  });

  it('explains shared SLL, SNAI area, service hub and province', () => {
    const d = rankSuggestions(input(['a', 'b'], ['d'])).at(0);
    expect(d?.reasons.map((r) => r.id)).toEqual(['towards-threshold', 'small', 'same-sll', 'same-snai', 'same-hub', 'same-province']);
    expect(d?.reasons.map((r) => r.it)).toContain('stesso SLL');
    expect(d?.reasons.map((r) => r.it)).toContain('stessa area SNAI');
    expect(d?.reasons.map((r) => r.en)).toContain('same SNAI inner area');
    // 30 × 1,000 / 1,500 missing residents + small 8 + obliged 4 + SLL 10 + SNAI 8 + hub 5 + province 5.
    expect(d?.score).toBe(60);
  });

  it('prefers small Comuni not yet covered when coverage is given', () => {
    const result = rankSuggestions(input(['a', 'b'], ['f', 'g'], { covered: (code) => code === 'f' }));
    expect(result.map((s) => s.code)).toEqual(['g', 'f']);
    expect(result[0]?.reasons.find((r) => r.id === 'small')?.it).toBe('comune piccolo non ancora coperto');
    expect(result[1]?.reasons.find((r) => r.id === 'small')?.it).toBe('comune piccolo');
  });

  it('uses the mountain threshold only when the members and the candidate are all mountain Comuni', () => {
    const result = rankSuggestions(input(['m1', 'm2'], ['p', 'm3']));
    expect(result[0]?.code).toBe('m3');
    expect(result[0]?.reasons[0]?.it).toBe("porterebbe l'alleanza a 3.100 abitanti (soglia 3.000 per i comuni montani)");
    expect(result[1]?.reasons[0]?.id).toBe('towards-threshold');
    expect(result[1]?.reasons[0]?.it).toContain('verso la soglia di 10.000');
  });

  it('gives no threshold points once the selection meets the threshold', () => {
    const result = rankSuggestions(input(['a', 'b', 'c'], ['d', 'f']));
    expect(result.flatMap((s) => s.reasons).some((r) => r.id.endsWith('threshold'))).toBe(false);
  });

  it('penalises another province when the rule set asks for one', () => {
    const veneto = ruleSet('veneto')!;
    const result = rankSuggestions(input(['a', 'b'], ['c', 'f'], { ruleSet: veneto }));
    expect(result.map((s) => s.code)).toEqual(['f', 'c']);
    expect(result[1]?.reasons.some((r) => r.id === 'other-province')).toBe(true);
  });

  it('orders deterministically: score, then name, then code', () => {
    const a = rankSuggestions(input(['a', 'b'], ['g', 'f', 'd', 'c', 'h']));
    const b = rankSuggestions(input(['b', 'a'], ['h', 'c', 'f', 'd', 'g']));
    expect(b).toEqual(a);
    const fara = a.filter((s) => s.name === 'Fara').map((s) => s.code);
    expect(fara).toEqual(['f', 'g']);
  });

  it('skips members, unknown and repeated candidates, honours the limit and an empty selection', () => {
    expect(rankSuggestions(input(['a', 'b'], ['a', 'zzz', 'd', 'd'])).map((s) => s.code)).toEqual(['d']);
    expect(rankSuggestions(input(['a', 'b'], ['c', 'd', 'f', 'g'], { limit: 2 }))).toHaveLength(2);
    expect(rankSuggestions(input([], ['c', 'd']))).toEqual([]);
    expect(rankSuggestions(input(['unknown'], ['c']))).toEqual([]);
  });

  it('ranks 100 candidates of a 50-member selection, best first (its speed is measured in the benchmark)', () => {
    const many = new Map<string, SuggestionFacts>();
    for (let i = 0; i < 150; i++) {
      many.set(`x${i}`, comune(`x${i}`, `Comune ${i}`, 100 + ((i * 53) % 3000), { sll: `S${i % 4}`, snai: i % 5 ? null : 'N1', hub: `H${i % 7}`, provinceCode: `00${i % 3}` }));
    }
    const members = Array.from({ length: 50 }, (_, i) => `x${i}`);
    const candidates = Array.from({ length: 100 }, (_, i) => `x${i + 50}`);
    const result = rankSuggestions({ members, candidates, facts: (code) => many.get(code), ruleSet: national, covered: () => false, limit: 100 });
    expect(result).toHaveLength(100);
    expect(result.every((s, i) => i === 0 || (result[i - 1]?.score ?? Infinity) >= s.score)).toBe(true);
  });
});

const SMALL = { id: 'small', it: 'comune piccolo', en: 'small Comune' };
const SAME_PROVINCE = { id: 'same-province', it: 'stessa provincia della maggior parte dei comuni', en: 'same province as most members' };

describe('neighbour suggestions, reasons and scores', () => {
  it('counts reaching exactly 10,000 residents as reaching the threshold', () => {
    expect(rankSuggestions(input(['a', 'b'], ['e']))).toEqual([
      {
        code: 'e',
        name: 'Erbe',
        score: 117,
        populationAfter: 10000,
        reasons: [
          { id: 'reaches-threshold', it: "porterebbe l'alleanza a 10.000 abitanti (soglia 10.000)", en: 'would bring the alliance to 10,000 residents (threshold 10,000)' },
          SMALL,
          SAME_PROVINCE,
        ],
      },
    ]);
  });

  it('rewards Comuni not yet covered, small or not, and nothing for ties they do not share', () => {
    const result = rankSuggestions(input(['a', 'b'], ['h', 'q'], { covered: () => false }));
    expect(result).toEqual([
      {
        code: 'q',
        name: 'Quarna',
        score: 127,
        populationAfter: 10500,
        reasons: [
          { id: 'reaches-threshold', it: "porterebbe l'alleanza a 10.500 abitanti (soglia 10.000)", en: 'would bring the alliance to 10,500 residents (threshold 10,000)' },
          { id: 'small', it: 'comune piccolo non ancora coperto', en: 'small Comune not yet covered' },
        ],
      },
      {
        code: 'h',
        name: 'Grande',
        score: 115,
        populationAfter: 68500,
        reasons: [
          { id: 'reaches-threshold', it: "porterebbe l'alleanza a 68.500 abitanti (soglia 10.000)", en: 'would bring the alliance to 68,500 residents (threshold 10,000)' },
          { id: 'uncovered', it: 'non ancora coperto dai servizi scelti', en: 'not yet covered by the chosen services' },
        ],
      },
    ]);
  });

  it('explains shared ties and the other-province penalty in both languages', () => {
    const result = rankSuggestions(input(['a', 'b'], ['c', 'd'], { ruleSet: ruleSet('veneto')! }));
    expect(result).toEqual([
      {
        code: 'd',
        name: 'Dorno',
        score: 40,
        populationAfter: 9500,
        reasons: [
          SMALL,
          { id: 'same-sll', it: 'stesso SLL', en: 'same labour-market area (SLL)' },
          { id: 'same-snai', it: 'stessa area SNAI', en: 'same SNAI inner area' },
          { id: 'same-hub', it: 'stesso polo di servizi', en: 'same service hub' },
          SAME_PROVINCE,
        ],
      },
      {
        code: 'c',
        name: 'Castelcroce',
        score: -38,
        populationAfter: 10240,
        reasons: [SMALL, { id: 'other-province', it: 'altra provincia: la norma chiede la stessa provincia', en: 'another province: the rule asks for one' }],
      },
    ]);
  });

  it('does not penalise another province when the members already span two', () => {
    const [q] = rankSuggestions(input(['a', 'c'], ['q'], { ruleSet: ruleSet('veneto')! }));
    // SLL S1 and S9 tie among the members, so both count.
    expect(q?.reasons).toEqual([SMALL, { id: 'same-sll', it: 'stesso SLL', en: 'same labour-market area (SLL)' }]);
    expect(q?.score).toBe(22);
  });

  it('counts only the most frequent SLL of the members', () => {
    const [q] = rankSuggestions(input(['a', 'b', 'c'], ['q']));
    expect(q?.reasons).toEqual([SMALL]);
    expect(q?.score).toBe(12);
  });

  it('ignores members without an SLL when finding the most frequent one', () => {
    const [d] = rankSuggestions(input(['f', 'p', 'a'], ['d']));
    // 30 × 1,000 / 4,900 missing residents + small 12 + SLL 10 + SNAI 8 + hub 5 + province 5 = 46.12.
    expect(d?.score).toBe(46.1);
    expect(d?.reasons.map((r) => r.id)).toEqual(['towards-threshold', 'small', 'same-sll', 'same-snai', 'same-hub', 'same-province']);
    expect(d?.reasons[0]).toEqual({
      id: 'towards-threshold',
      it: "porterebbe l'alleanza a 6.100 abitanti, verso la soglia di 10.000",
      en: 'would bring the alliance to 6,100 residents, towards the threshold of 10,000',
    });
  });

  it('uses the ordinary threshold when some members are not mountain Comuni', () => {
    const [m3] = rankSuggestions(input(['m1', 'a'], ['m3']));
    expect(m3?.reasons[0]).toEqual({
      id: 'towards-threshold',
      it: "porterebbe l'alleanza a 5.900 abitanti, verso la soglia di 10.000",
      en: 'would bring the alliance to 5,900 residents, towards the threshold of 10,000',
    });
    // 30 × 900 / 5,000 + small 12 + province 5.
    expect(m3?.score).toBe(22.4);
  });

  it('reaches the mountain threshold at exactly 3,000 residents in three Comuni', () => {
    const [m5] = rankSuggestions(input(['m1', 'm2'], ['m5']));
    expect(m5?.reasons[0]).toEqual({
      id: 'reaches-threshold',
      it: "porterebbe l'alleanza a 3.000 abitanti (soglia 3.000 per i comuni montani)",
      en: 'would bring the alliance to 3,000 residents (threshold 3,000 for mountain Comuni)',
    });
    const [short] = rankSuggestions(input(['m1', 'm3'], ['m5']));
    expect(short?.reasons[0]).toEqual({
      id: 'towards-threshold',
      it: "porterebbe l'alleanza a 2.700 abitanti, verso la soglia di 3.000 per i comuni montani",
      en: 'would bring the alliance to 2,700 residents, towards the threshold of 3,000 for mountain Comuni',
    });
    // 30 × 800 / 1,100 + small 12 + province 5 = 38.82.
    expect(short?.score).toBe(38.8);
  });

  it('asks for more mountain Comuni when their residents already suffice', () => {
    expect(rankSuggestions(input(['m4'], ['m1']))).toEqual([
      {
        code: 'm1',
        name: 'Monte Uno',
        score: 47,
        populationAfter: 4000,
        reasons: [
          { id: 'towards-threshold', it: 'un comune in più verso i 3 richiesti per i comuni montani', en: 'one more Comune towards the 3 required for mountain Comuni' },
          SMALL,
          SAME_PROVINCE,
        ],
      },
    ]);
  });

  it('gives no threshold or size points to a candidate without known residents', () => {
    expect(rankSuggestions(input(['a', 'b'], ['u']))).toEqual([{ code: 'u', name: 'Ignota', score: 5, populationAfter: 8500, reasons: [SAME_PROVINCE] }]);
  });
});
