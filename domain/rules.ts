import type { Contiguity } from './contiguity';
import type { RuleSet } from './rule-sets';
import { isObligedToAssociate } from './thresholds';

export type RuleLevel = 'ok' | 'advice' | 'problem';

/** One check of a territory: its level, legal reference and a sentence in each language. */
export interface RuleResult {
  id: 'members' | 'contiguity' | 'population' | 'same-province' | 'obligation';
  level: RuleLevel;
  reference: string;
  message: { it: string; en: string };
}

export interface RuleMember {
  code: string;
  name: string;
  population: number | null;
  provinceCode: string;
  /** Belongs or belonged to a Comunità Montana. */
  mountain: boolean;
}

export interface RuleInput {
  members: readonly RuleMember[];
  contiguity: Contiguity;
  /** An administrator-recorded reason to accept a non-contiguous territory (e.g. a ferry link). */
  contiguityException?: string | null;
}

/** Figures as each language writes them: 10.000 in Italian, 10,000 in English. */
const n = (value: number) => new Intl.NumberFormat('it-IT', { useGrouping: 'always' }).format(value);
const e = (value: number) => new Intl.NumberFormat('en-GB', { useGrouping: 'always' }).format(value);
const list = (names: string[]) => (names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} … (+${names.length - 5})`);

/** Evaluates a territory against a rule set. Pure: the same input always gives the same checks. */
export function evaluateRules(input: RuleInput, set: RuleSet): RuleResult[] {
  const { members, contiguity } = input;
  const results: RuleResult[] = [];
  const population = members.reduce((sum, m) => sum + (m.population ?? 0), 0);
  const mountain = members.length > 0 && members.every((m) => m.mountain);

  results.push(
    members.length >= 2
      ? ok('members', 'TUEL art. 32', `${members.length} comuni`, `${members.length} Comuni`)
      : {
          id: 'members',
          level: 'problem',
          reference: 'TUEL art. 32',
          message: { it: "Un'alleanza riunisce almeno due comuni.", en: 'An alliance brings together at least two Comuni.' },
        },
  );

  if (contiguity.contiguous) {
    results.push(ok('contiguity', 'Programma ALI 2007, principio 1; TUEL art. 32', 'Territorio contiguo.', 'Contiguous territory.'));
  } else {
    const parts = contiguity.components.length;
    const exception = input.contiguityException?.trim();
    results.push({
      id: 'contiguity',
      level: exception ? 'advice' : 'problem',
      reference: 'Programma ALI 2007, principio 1; TUEL art. 32',
      message: exception
        ? { it: `${parts} parti non contigue, accettate per eccezione: ${exception}`, en: `${parts} separate parts, accepted by exception: ${exception}` }
        : { it: `Il territorio non è contiguo: ${parts} parti separate.`, en: `The territory is not contiguous: ${parts} separate parts.` },
    });
  }

  results.push(populationRule(members, population, mountain, set));

  if (set.sameProvince) {
    const provinces = new Set(members.map((m) => m.provinceCode));
    results.push(
      provinces.size <= 1
        ? ok('same-province', set.reference, 'Tutti i comuni nella stessa provincia.', 'All Comuni in the same province.')
        : {
            id: 'same-province',
            level: 'problem',
            reference: set.reference,
            message: { it: `I comuni sono in ${provinces.size} province: la norma chiede la stessa provincia.`, en: `The Comuni are in ${provinces.size} provinces: the rule asks for one.` },
          },
    );
  }

  const obliged = members.filter((m) => isObligedToAssociate(m.population, m.mountain));
  results.push(
    obliged.length === 0
      ? ok('obligation', 'DL 78/2010 art. 14 c. 28', 'Nessun comune obbligato alla gestione associata.', 'No Comune obliged to associate its functions.')
      : {
          id: 'obligation',
          level: 'advice',
          reference: 'DL 78/2010 art. 14 c. 28; Corte cost. 33/2019',
          message: {
            it: `${obliged.length} comuni sono tenuti a gestire in forma associata le funzioni fondamentali: ${list(obliged.map((m) => m.name))}. L'alleanza può offrire loro i servizi.`,
            en: `${obliged.length} Comuni must run their fundamental functions jointly: ${list(obliged.map((m) => m.name))}. The alliance can provide those services.`,
          },
        },
  );
  return results;
}

function populationRule(members: readonly RuleMember[], population: number, mountain: boolean, set: RuleSet): RuleResult {
  const min = mountain ? set.minPopulationMountain : set.minPopulation;
  const reference = set.reference;
  const enough = population >= min && (!mountain || members.length >= set.minComuniMountain);
  const smallest = Math.min(...members.map((m) => m.population ?? Infinity));
  const byCount = set.orMinComuni !== null && members.length >= set.orMinComuni;
  const byTimes = set.orTimesSmallest !== null && Number.isFinite(smallest) && population >= set.orTimesSmallest * smallest;
  const where = mountain ? { it: ' (comuni montani)', en: ' (mountain Comuni)' } : { it: '', en: '' };
  if (enough) {
    return ok('population', reference, `${n(population)} abitanti: soglia di ${n(min)}${where.it} raggiunta.`, `${e(population)} residents: threshold of ${e(min)}${where.en} met.`);
  }
  if (mountain && population >= min && members.length < set.minComuniMountain) {
    return {
      id: 'population',
      level: 'problem',
      reference,
      message: {
        it: `Con la soglia dei comuni montani (${n(min)} abitanti) servono almeno ${set.minComuniMountain} comuni.`,
        en: `With the mountain threshold (${e(min)} residents) at least ${set.minComuniMountain} Comuni are needed.`,
      },
    };
  }
  if (byCount || byTimes) {
    const it = byCount ? `almeno ${set.orMinComuni} comuni` : `almeno ${set.orTimesSmallest} volte il comune più piccolo`;
    const en = byCount ? `at least ${set.orMinComuni} Comuni` : `at least ${set.orTimesSmallest} times the smallest Comune`;
    return ok('population', reference, `${n(population)} abitanti, sotto ${n(min)}, ma la norma accetta ${it}.`, `${e(population)} residents, below ${e(min)}, but the rule accepts ${en}.`);
  }
  const withinTolerance = set.tolerance > 0 && population >= min * (1 - set.tolerance);
  return {
    id: 'population',
    level: withinTolerance ? 'advice' : 'problem',
    reference,
    message: withinTolerance
      ? { it: `${n(population)} abitanti: sotto la soglia di ${n(min)}${where.it}, entro la tolleranza del ${set.tolerance * 100}%.`, en: `${e(population)} residents: below the threshold of ${e(min)}${where.en}, within the ${set.tolerance * 100}% tolerance.` }
      : { it: `${n(population)} abitanti su ${n(min)} richiesti${where.it}: ne mancano ${n(min - population)}.`, en: `${e(population)} of the ${e(min)} residents required${where.en}: ${e(min - population)} short.` },
  };
}

function ok(id: RuleResult['id'], reference: string, it: string, en: string): RuleResult {
  return { id, level: 'ok', reference, message: { it, en } };
}
