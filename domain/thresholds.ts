/** A "piccolo comune" has at most this many residents (Legge 158/2017). */
export const SMALL_COMUNE_MAX_POPULATION = 5000;

export function isSmallComune(population: number | null): boolean {
  return population !== null && population <= SMALL_COMUNE_MAX_POPULATION;
}
