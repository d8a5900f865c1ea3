import type { AssociationKind } from './associations';
import { foldName } from './text';

/** What the mountain test needs to know of an association a Comune belongs to. */
export interface MountainCandidate {
  kind: AssociationKind;
  name: string;
}

/**
 * Words in an Unione's official name that say it is a mountain union: "Unione montana",
 * "Comuni montani", "Comunità (di) montagna", "Comunità montana" (folded: no accents, lower case).
 */
const MOUNTAIN_NAME = /\b(montan[aeio]|montagna)\b/;

/**
 * The association that makes a Comune "montano" for the mountain thresholds of DL 78/2010 art. 14
 * c. 28 and 31 (Comuni that belong or belonged to a Comunità Montana), or null. No open mountain
 * classification of Comuni is available, so membership stands in for it: a `comunita_montana`, or
 * an Unione whose name says it is montana. A Comunità Montana is preferred as the reason.
 */
export function mountainBasis<T extends MountainCandidate>(memberships: readonly T[]): T | null {
  const comunita = memberships.find((a) => a.kind === 'comunita_montana');
  if (comunita) return comunita;
  return memberships.find((a) => a.kind === 'unione' && MOUNTAIN_NAME.test(foldName(a.name))) ?? null;
}

export const isMountainComune = (memberships: readonly MountainCandidate[]): boolean => mountainBasis(memberships) !== null;
