import { describe, expect, it } from 'vitest';
import type { Contiguity } from '../../domain/contiguity';
import { ruleSet, ruleSetForRegion } from '../../domain/rule-sets';
import { evaluateRules, type RuleMember } from '../../domain/rules';

const contiguous: Contiguity = { contiguous: true, components: [['a']], isolated: [] };
const split: Contiguity = { contiguous: false, components: [['a', 'b'], ['c']], isolated: ['c'] };
const member = (code: string, population: number | null, provinceCode = '001', mountain = false): RuleMember => ({
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

const check = (results: ReturnType<typeof evaluateRules>, id: string) => results.find((r) => r.id === id);
const none: Contiguity = { contiguous: false, components: [], isolated: [] };
const ALI = 'Programma ALI 2007, principio 1; TUEL art. 32';

describe('rule messages', () => {
  it('reports every check of a valid national territory, in order', () => {
    expect(evaluateRules({ members: [member('a', 6000), member('b', 5001)], contiguity: contiguous }, national)).toEqual([
      { id: 'members', level: 'ok', reference: 'TUEL art. 32', message: { it: '2 comuni', en: '2 Comuni' } },
      { id: 'contiguity', level: 'ok', reference: ALI, message: { it: 'Territorio contiguo.', en: 'Contiguous territory.' } },
      {
        id: 'population',
        level: 'ok',
        reference: 'DL 78/2010 art. 14 c. 31, come modificato dalla L. 56/2014',
        message: { it: '11.001 abitanti: soglia di 10.000 raggiunta.', en: '11,001 residents: threshold of 10,000 met.' },
      },
      {
        id: 'obligation',
        level: 'ok',
        reference: 'DL 78/2010 art. 14 c. 28',
        message: { it: 'Nessun comune obbligato alla gestione associata.', en: 'No Comune obliged to associate its functions.' },
      },
    ]);
  });

  it('explains why one Comune alone is not an alliance', () => {
    expect(check(evaluateRules({ members: [member('a', 20000)], contiguity: contiguous }, national), 'members')).toEqual({
      id: 'members',
      level: 'problem',
      reference: 'TUEL art. 32',
      message: { it: "Un'alleanza riunisce almeno due comuni.", en: 'An alliance brings together at least two Comuni.' },
    });
  });

  it('applies the ordinary threshold to an empty territory', () => {
    const results = evaluateRules({ members: [], contiguity: none }, national);
    expect(results.map((r) => [r.id, r.level])).toEqual([
      ['members', 'problem'],
      ['contiguity', 'problem'],
      ['population', 'problem'],
      ['obligation', 'ok'],
    ]);
    expect(check(results, 'population')?.message).toEqual({ it: '0 abitanti su 10.000 richiesti: ne mancano 10.000.', en: '0 of the 10,000 residents required: 10,000 short.' });
  });

  it('counts the separate parts of a territory that is not contiguous', () => {
    expect(check(evaluateRules({ members: [member('a', 6000), member('b', 5000), member('c', 1000)], contiguity: split }, national), 'contiguity')).toEqual({
      id: 'contiguity',
      level: 'problem',
      reference: ALI,
      message: { it: 'Il territorio non è contiguo: 2 parti separate.', en: 'The territory is not contiguous: 2 separate parts.' },
    });
  });

  it('quotes the recorded exception without surrounding blanks, and ignores a blank one', () => {
    const members = [member('a', 6000), member('b', 5000), member('c', 1000)];
    const excused = evaluateRules({ members, contiguity: split, contiguityException: '  traghetto per Lipari \n' }, national);
    expect(check(excused, 'contiguity')).toEqual({
      id: 'contiguity',
      level: 'advice',
      reference: ALI,
      message: { it: '2 parti non contigue, accettate per eccezione: traghetto per Lipari', en: '2 separate parts, accepted by exception: traghetto per Lipari' },
    });
    expect(level(evaluateRules({ members, contiguity: split, contiguityException: '   ' }, national), 'contiguity')).toBe('problem');
    expect(level(evaluateRules({ members, contiguity: split, contiguityException: null }, national), 'contiguity')).toBe('problem');
  });

  it('applies the mountain threshold only when every member is a mountain Comune', () => {
    const mixed = [member('a', 2000, '001', true), member('b', 1500), member('c', 1000, '001', true)];
    expect(check(evaluateRules({ members: mixed, contiguity: contiguous }, national), 'population')?.message).toEqual({
      it: '4.500 abitanti su 10.000 richiesti: ne mancano 5.500.',
      en: '4,500 of the 10,000 residents required: 5,500 short.',
    });
    const mountain = [member('a', 1000, '001', true), member('b', 1000, '001', true), member('c', 1000, '001', true)];
    expect(check(evaluateRules({ members: mountain, contiguity: contiguous }, national), 'population')).toEqual({
      id: 'population',
      level: 'ok',
      reference: national.reference,
      message: { it: '3.000 abitanti: soglia di 3.000 (comuni montani) raggiunta.', en: '3,000 residents: threshold of 3,000 (mountain Comuni) met.' },
    });
  });

  it('asks for a third mountain Comune when two reach exactly 3,000 residents', () => {
    const two = [member('a', 1500, '001', true), member('b', 1500, '001', true)];
    expect(check(evaluateRules({ members: two, contiguity: contiguous }, national), 'population')).toEqual({
      id: 'population',
      level: 'problem',
      reference: national.reference,
      message: {
        it: 'Con la soglia dei comuni montani (3.000 abitanti) servono almeno 3 comuni.',
        en: 'With the mountain threshold (3,000 residents) at least 3 Comuni are needed.',
      },
    });
  });

  it('says how many residents two small mountain Comuni miss', () => {
    const two = [member('a', 600, '001', true), member('b', 400, '001', true)];
    expect(check(evaluateRules({ members: two, contiguity: contiguous }, national), 'population')?.message).toEqual({
      it: '1.000 abitanti su 3.000 richiesti (comuni montani): ne mancano 2.000.',
      en: '1,000 of the 3,000 residents required (mountain Comuni): 2,000 short.',
    });
  });

  it('names the regional alternative that a territory below the minimum meets', () => {
    const veneto = ruleSetForRegion('05');
    const three = [member('a', 900, '025'), member('b', 800, '025'), member('c', 700, '025')];
    expect(check(evaluateRules({ members: three, contiguity: contiguous }, veneto), 'population')).toEqual({
      id: 'population',
      level: 'ok',
      reference: 'L.R. Veneto 40/2012 (unioni montane)',
      message: { it: '2.400 abitanti, sotto 5.000, ma la norma accetta almeno 3 comuni.', en: '2,400 residents, below 5,000, but the rule accepts at least 3 Comuni.' },
    });
    const lombardia = ruleSetForRegion('03');
    const withUnknown = [member('a', 3000), member('b', 1000), member('c', null)];
    expect(check(evaluateRules({ members: withUnknown, contiguity: contiguous }, lombardia), 'population')).toEqual({
      id: 'population',
      level: 'ok',
      reference: 'L.R. Lombardia 19/2008 e s.m.i.',
      message: {
        it: '4.000 abitanti, sotto 5.000, ma la norma accetta almeno 4 volte il comune più piccolo.',
        en: '4,000 residents, below 5,000, but the rule accepts at least 4 times the smallest Comune.',
      },
    });
  });

  it('does not accept in Veneto two Comuni below 5,000 residents', () => {
    const veneto = ruleSetForRegion('05');
    const two = [member('a', 2000, '025'), member('b', 2000, '025')];
    expect(check(evaluateRules({ members: two, contiguity: contiguous }, veneto), 'population')).toEqual({
      id: 'population',
      level: 'problem',
      reference: 'L.R. Veneto 40/2012 (unioni montane)',
      message: { it: '4.000 abitanti su 5.000 richiesti: ne mancano 1.000.', en: '4,000 of the 5,000 residents required: 1,000 short.' },
    });
  });

  it('states the Piemonte tolerance, also for mountain Comuni', () => {
    const piemonte = ruleSetForRegion('01');
    const plain = evaluateRules({ members: [member('a', 2500), member('b', 2000)], contiguity: contiguous }, piemonte);
    expect(check(plain, 'population')).toEqual({
      id: 'population',
      level: 'advice',
      reference: 'L.R. Piemonte 11/2012 e s.m.i.',
      message: { it: '4.500 abitanti: sotto la soglia di 5.000, entro la tolleranza del 10%.', en: '4,500 residents: below the threshold of 5,000, within the 10% tolerance.' },
    });
    const mountain = evaluateRules({ members: [member('a', 1500, '004', true), member('b', 1300, '004', true)], contiguity: contiguous }, piemonte);
    expect(check(mountain, 'population')?.message).toEqual({
      it: '2.800 abitanti: sotto la soglia di 3.000 (comuni montani), entro la tolleranza del 10%.',
      en: '2,800 residents: below the threshold of 3,000 (mountain Comuni), within the 10% tolerance.',
    });
  });

  it('checks the province only where the rule set asks for one', () => {
    const members = [member('a', 6000, '025'), member('b', 5000, '026')];
    expect(evaluateRules({ members, contiguity: contiguous }, national).map((r) => r.id)).toEqual(['members', 'contiguity', 'population', 'obligation']);
    const veneto = ruleSetForRegion('05');
    expect(check(evaluateRules({ members, contiguity: contiguous }, veneto), 'same-province')).toEqual({
      id: 'same-province',
      level: 'problem',
      reference: 'L.R. Veneto 40/2012 (unioni montane)',
      message: { it: 'I comuni sono in 2 province: la norma chiede la stessa provincia.', en: 'The Comuni are in 2 provinces: the rule asks for one.' },
    });
    const same = evaluateRules({ members: [member('a', 6000, '025'), member('b', 5000, '025')], contiguity: contiguous }, veneto);
    expect(check(same, 'same-province')).toEqual({
      id: 'same-province',
      level: 'ok',
      reference: 'L.R. Veneto 40/2012 (unioni montane)',
      message: { it: 'Tutti i comuni nella stessa provincia.', en: 'All Comuni in the same province.' },
    });
  });

  it('names up to five Comuni obliged to associate, then counts the others', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((code) => member(code, 2000));
    expect(check(evaluateRules({ members: five, contiguity: contiguous }, national), 'obligation')).toEqual({
      id: 'obligation',
      level: 'advice',
      reference: 'DL 78/2010 art. 14 c. 28; Corte cost. 33/2019',
      message: {
        it: "5 comuni sono tenuti a gestire in forma associata le funzioni fondamentali: Comune a, Comune b, Comune c, Comune d, Comune e. L'alleanza può offrire loro i servizi.",
        en: '5 Comuni must run their fundamental functions jointly: Comune a, Comune b, Comune c, Comune d, Comune e. The alliance can provide those services.',
      },
    });
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((code) => member(code, 2000));
    expect(check(evaluateRules({ members: seven, contiguity: contiguous }, national), 'obligation')?.message).toEqual({
      it: "7 comuni sono tenuti a gestire in forma associata le funzioni fondamentali: Comune a, Comune b, Comune c, Comune d, Comune e … (+2). L'alleanza può offrire loro i servizi.",
      en: '7 Comuni must run their fundamental functions jointly: Comune a, Comune b, Comune c, Comune d, Comune e … (+2). The alliance can provide those services.',
    });
  });
});
