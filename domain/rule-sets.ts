/**
 * Rule sets for the territory of an inter-municipal body, as data. The national set applies
 * unless a region sets its own limits (DL 78/2010 art. 14 c. 31: "salvo diverso limite
 * demografico individuato dalla regione"). Limits are residents.
 */
export interface RuleSet {
  id: string;
  /** Region (ISTAT code) whose law this is; null for the national rules. */
  region: string | null;
  name: { it: string; en: string };
  reference: string;
  /** Minimum residents of the whole territory. */
  minPopulation: number;
  /** Minimum when the members are mountain Comuni (belong or belonged to a Comunità Montana). */
  minPopulationMountain: number;
  /** With the mountain minimum, at least this many Comuni. */
  minComuniMountain: number;
  /** Accept a territory this much below the minimum, as advice rather than a problem (0.1 = 10 %). */
  tolerance: number;
  /** Alternative: the minimum is also met by at least this many Comuni (null = no alternative). */
  orMinComuni: number | null;
  /** Alternative: the minimum is also met by residents ≥ this × the smallest member's (null = none). */
  orTimesSmallest: number | null;
  /** All members in one province. */
  sameProvince: boolean;
}

export const RULE_SETS: readonly RuleSet[] = [
  {
    id: 'national',
    region: null,
    name: { it: 'Norma nazionale', en: 'National law' },
    reference: 'DL 78/2010 art. 14 c. 31, come modificato dalla L. 56/2014',
    minPopulation: 10000,
    minPopulationMountain: 3000,
    minComuniMountain: 3,
    tolerance: 0,
    orMinComuni: null,
    orTimesSmallest: null,
    sameProvince: false,
  },
  {
    id: 'lombardia',
    region: '03',
    name: { it: 'Lombardia', en: 'Lombardy' },
    reference: 'L.R. Lombardia 19/2008 e s.m.i.',
    minPopulation: 5000,
    minPopulationMountain: 3000,
    minComuniMountain: 2,
    tolerance: 0,
    orMinComuni: null,
    orTimesSmallest: 4,
    sameProvince: false,
  },
  {
    id: 'piemonte',
    region: '01',
    name: { it: 'Piemonte', en: 'Piedmont' },
    reference: 'L.R. Piemonte 11/2012 e s.m.i.',
    minPopulation: 5000,
    minPopulationMountain: 3000,
    minComuniMountain: 2,
    tolerance: 0.1,
    orMinComuni: null,
    orTimesSmallest: null,
    sameProvince: false,
  },
  {
    id: 'veneto',
    region: '05',
    name: { it: 'Veneto (unioni montane)', en: 'Veneto (mountain unions)' },
    reference: 'L.R. Veneto 40/2012 (unioni montane)',
    minPopulation: 5000,
    minPopulationMountain: 5000,
    minComuniMountain: 2,
    tolerance: 0,
    orMinComuni: 3,
    orTimesSmallest: null,
    sameProvince: true,
  },
];

export function ruleSet(id: string): RuleSet | undefined {
  return RULE_SETS.find((r) => r.id === id);
}

/** The rule set of a region, or the national one. */
export function ruleSetForRegion(region: string | null | undefined): RuleSet {
  return RULE_SETS.find((r) => r.region === region) ?? (RULE_SETS[0] as RuleSet);
}

/**
 * The rule set that applies: the one chosen by id, else that of the region with most members
 * (summarizeTerritory lists regions that way), else the national one.
 */
export function applicableRuleSet(chosenId: string | null | undefined, mainRegion: string | null | undefined): RuleSet {
  return (chosenId ? ruleSet(chosenId) : undefined) ?? ruleSetForRegion(mainRegion);
}
