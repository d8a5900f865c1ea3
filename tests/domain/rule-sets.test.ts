import { describe, expect, it } from 'vitest';
import { RULE_SETS, applicableRuleSet, ruleSet, ruleSetForRegion } from '../../domain/rule-sets';

describe('rule sets', () => {
  it('names each rule set and its legal source in both languages', () => {
    expect(RULE_SETS.map((r) => [r.id, r.region, r.name.it, r.name.en, r.reference])).toEqual([
      ['national', null, 'Norma nazionale', 'National law', 'DL 78/2010 art. 14 c. 31, come modificato dalla L. 56/2014'],
      ['lombardia', '03', 'Lombardia', 'Lombardy', 'L.R. Lombardia 19/2008 e s.m.i.'],
      ['piemonte', '01', 'Piemonte', 'Piedmont', 'L.R. Piemonte 11/2012 e s.m.i.'],
      ['veneto', '05', 'Veneto (unioni montane)', 'Veneto (mountain unions)', 'L.R. Veneto 40/2012 (unioni montane)'],
    ]);
  });

  it('sets the national minimum at 10,000 residents, or 3,000 with at least 3 mountain Comuni', () => {
    expect(ruleSet('national')).toMatchObject({
      minPopulation: 10000,
      minPopulationMountain: 3000,
      minComuniMountain: 3,
      tolerance: 0,
      orMinComuni: null,
      orTimesSmallest: null,
    });
  });

  it('asks for one province only in Veneto', () => {
    expect(RULE_SETS.map((r) => [r.id, r.sameProvince])).toEqual([
      ['national', false],
      ['lombardia', false],
      ['piemonte', false],
      ['veneto', true],
    ]);
  });

  it('finds a rule set by id, and none for an unknown id', () => {
    expect(ruleSet('lombardia')?.region).toBe('03');
    expect(ruleSet('veneto')?.orMinComuni).toBe(3);
    expect(ruleSet('toscana')).toBeUndefined();
  });

  it('uses the regional rule set where there is one, the national one elsewhere', () => {
    expect(ruleSetForRegion('03').id).toBe('lombardia');
    expect(ruleSetForRegion('01').id).toBe('piemonte');
    expect(ruleSetForRegion('05').id).toBe('veneto');
    expect(ruleSetForRegion('09').id).toBe('national');
    expect(ruleSetForRegion(null).id).toBe('national');
    expect(ruleSetForRegion(undefined).id).toBe('national');
  });

  it('prefers the chosen rule set, then the main region, then the national one', () => {
    expect(applicableRuleSet('veneto', '03').id).toBe('veneto');
    expect(applicableRuleSet('national', '01').id).toBe('national');
    expect(applicableRuleSet(null, '01').id).toBe('piemonte');
    expect(applicableRuleSet('', '05').id).toBe('veneto');
    expect(applicableRuleSet('unknown', '03').id).toBe('lombardia');
    expect(applicableRuleSet(undefined, undefined).id).toBe('national');
  });
});
