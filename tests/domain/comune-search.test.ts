import { describe, expect, it } from 'vitest';
import { comuneIndex, type SearchableComune } from '../../domain/comune-search';
import { foldName } from '../../domain/text';

const row = (code: string, name: string, provinceAcronym: string, population: number | null, cadastralCode: string | null = null): SearchableComune => ({
  code,
  name,
  folded: foldName(name),
  cadastralCode,
  provinceAcronym,
  regionName: 'Regione',
  population,
});

const index = comuneIndex([
  row('058091', 'Roma', 'RM', 2_770_226, 'H501'),
  row('001001', 'Agliè', 'TO', 2545, 'A074'),
  row('058111', 'Rocca di Papa', 'RM', 16_000),
  row('012001', 'Castelromano', 'VA', 900),
  row('097055', 'Morterone', 'LC', 29),
  row('015146', 'Samarate', 'VA', 16_000),
  row('024100', 'Calvene', 'VI', 1300),
  row('016045', 'Calvenzano', 'BG', 4000),
  row('012002', 'Calvene', 'VA', null),
  row('043001', 'Roma Nord', 'MC', 10),
]);

const codes = (q: string, limit = 10) => index.search(q, limit).map((h) => h.code);

describe('searching Comuni in memory', () => {
  it('ranks exact names first, then prefixes, word prefixes and anywhere, larger first within each', () => {
    expect(codes('roma')).toEqual(['058091', '043001', '012001']);
    expect(codes('ROMÀ ')).toEqual(['058091', '043001', '012001']);
    expect(codes('nord')).toEqual(['043001']); // a word's prefix
    expect(codes('calvene')).toEqual(['024100', '012002']); // namesakes: population, unknown last
    expect(codes('calven')).toEqual(['016045', '024100', '012002']);
    expect(codes('agliè', 1)).toEqual(['001001']);
    expect(codes('aglie')).toEqual(['001001']);
    expect(codes('zzz')).toEqual([]);
    expect(codes('  ')).toEqual([]);
  });

  it('finds by ISTAT code (prefix, zeros restored) and cadastral code', () => {
    expect(codes('58091')).toEqual(['058091']);
    expect(codes('0120')).toEqual(['012001', '012002']);
    expect(codes('1001')).toEqual(['001001']); // "1001" is 001001 with its zeros
    expect(codes('h501')).toEqual(['058091']);
    expect(codes('A074')).toEqual(['001001']);
  });
});

describe('resolving a pasted list in memory', () => {
  it('finds codes and names, says which are unknown, and which are namesakes (with their candidates by code)', () => {
    const r = index.resolve(['1001', ' morterone ', 'Calvene', 'Calvene (VI)', 'Atlantide', '', '999999', 'ROMA']);
    expect(r.found).toEqual([
      { input: '1001', code: '001001', name: 'Agliè', provinceAcronym: 'TO' },
      { input: 'morterone', code: '097055', name: 'Morterone', provinceAcronym: 'LC' },
      { input: 'Calvene (VI)', code: '024100', name: 'Calvene', provinceAcronym: 'VI' },
      { input: 'ROMA', code: '058091', name: 'Roma', provinceAcronym: 'RM' },
    ]);
    expect(r.unknown).toEqual(['Atlantide', '999999']);
    expect(r.ambiguous).toEqual([
      { input: 'Calvene', candidates: [{ code: '012002', name: 'Calvene', provinceAcronym: 'VA' }, { code: '024100', name: 'Calvene', provinceAcronym: 'VI' }] },
    ]);
  });
});
