import { describe, expect, it } from 'vitest';
import { isMountainComune, mountainBasis, type MountainCandidate } from '../../domain/mountain';

const unione = (name: string): MountainCandidate => ({ kind: 'unione', name });

describe('mountainBasis', () => {
  it('counts members of a Comunità Montana, preferring it as the reason', () => {
    const cm: MountainCandidate = { kind: 'comunita_montana', name: 'Comunità di montagna della Carnia' };
    expect(mountainBasis([unione('Unione Montana Valli del Canavese'), cm])).toBe(cm);
    expect(mountainBasis([{ kind: 'comunita_montana', name: 'Valli' }])).toEqual({ kind: 'comunita_montana', name: 'Valli' });
  });

  it('counts Unioni whose official name says montana, montani or montagna, in any case and accent', () => {
    for (const name of [
      'Unione Montana Valli del Canavese',
      'UNIONE MONTANA ALTA LANGA',
      'Unione Dei Comuni Montani Maiella Orientale-Verde Aventino',
      'Unione di Comuni Comunità di Montagna Sud Est',
      'Unione dei comuni montana Lunigiana',
      'Unione Comunità Montane',
    ]) {
      expect(mountainBasis([unione(name)]), name).toEqual(unione(name));
    }
  });

  it('does not count other Unioni, SNAI areas, SLL or words that only contain the letters', () => {
    expect(mountainBasis([unione('Unione dei Comuni della Bassa Romagna')])).toBeNull();
    expect(mountainBasis([unione('Unione Montanaro e Dintorni')])).toBeNull(); // "montanaro" is a place name
    expect(mountainBasis([unione('Unione Montagnana')])).toBeNull();
    expect(mountainBasis([{ kind: 'snai', name: 'Area montana Alto Lago' }])).toBeNull();
    expect(mountainBasis([{ kind: 'other', name: 'Comunità montana di valle' }])).toBeNull();
    expect(mountainBasis([{ kind: 'sll', name: 'Montana' }])).toBeNull();
    expect(mountainBasis([])).toBeNull();
  });

  it('takes the first mountain Unione when there is no Comunità Montana', () => {
    const a = unione('Unione Montana A');
    expect(mountainBasis([unione('Unione B'), a, unione('Unione Montana C')])).toBe(a);
    expect(isMountainComune([unione('Unione B')])).toBe(false);
    expect(isMountainComune([a])).toBe(true);
  });
});
