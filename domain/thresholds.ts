/** Population thresholds of Italian law that the atlas applies to a single Comune. */

/** A "piccolo comune" has at most this many residents (Legge 158/2017). */
export const SMALL_COMUNE_MAX_POPULATION = 5000;

/** Comuni up to this many residents must run their fundamental functions jointly (DL 78/2010 art. 14 c. 28). */
export const OBLIGED_MAX_POPULATION = 5000;

/** The same limit for Comuni that belong or belonged to a Comunità Montana (DL 78/2010 art. 14 c. 28). */
export const OBLIGED_MAX_POPULATION_MOUNTAIN = 3000;

/** True for a "piccolo comune" (at most 5,000 residents); false when the population is unknown. */
export function isSmallComune(population: number | null): boolean {
  return population !== null && population <= SMALL_COMUNE_MAX_POPULATION;
}

/**
 * True when a Comune must run its fundamental functions in associated form (DL 78/2010 art. 14
 * c. 28): up to 5,000 residents, or up to 3,000 if it belongs or belonged to a Comunità Montana.
 * False when the population is unknown. Advice only: the deadline keeps being postponed and
 * Corte cost. 33/2019 requires exemptions where association brings no benefit.
 */
export function isObligedToAssociate(population: number | null, mountain: boolean): boolean {
  return population !== null && population <= (mountain ? OBLIGED_MAX_POPULATION_MOUNTAIN : OBLIGED_MAX_POPULATION);
}
