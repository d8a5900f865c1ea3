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

describe('the rules of search and resolve, each on its own', () => {
  // Built inside each test (not when the file loads), so that what building does is tested too.
  const small = () =>
    comuneIndex([
      row('099009', 'Valle B', 'RN', 100),
      row('099008', 'Valle A', 'RN', 100),
      row('099007', 'Calven', 'VI', 10),
      row('099006', 'Calvenone', 'VI', 5000),
      row('099005', 'Villanordica', 'VI', 1000),
      row('099004', 'Roma Nord', 'MC', 10),
      row('099003', 'Zero', 'AA', 0),
      row('099002', 'Zero', 'BB', null),
      row('099001', 'Sezione A074', 'TO', 9000),
      row('001001', 'Agliè', 'TO', 2545, 'A074'),
      row('099010', '2 Ville', 'RN', 50),
    ]);
  const find = (q: string, limit = 20) => small().search(q, limit).map((h) => h.code);

  it('breaks ties of size by name, and puts an unknown population after a population of 0', () => {
    expect(find('valle')).toEqual(['099008', '099009']);
    expect(find('zero')).toEqual(['099003', '099002']);
  });

  it('puts the exact name first even when a longer name is larger, and a word prefix before a match inside a word', () => {
    expect(find('calven')).toEqual(['099007', '099006']);
    expect(find('nord')).toEqual(['099004', '099005']);
  });

  it('puts the Comune of a cadastral code before names that contain it', () => {
    expect(find('a074')).toEqual(['001001', '099001']);
  });

  it('reads digits alone (around spaces) as a code, each Comune once, and digits with words as a name', () => {
    expect(find(' 0990 ', 3)).toEqual(['099001', '099002', '099003']);
    expect(find('099001')).toEqual(['099001']);
    expect(find('2 vil')).toEqual(['099010']);
    expect(find('valle', 1)).toEqual(['099008']);
  });

  it('resolves "Name (XX)" with or without the space, only at the end of the entry', () => {
    const r = small().resolve(['Zero(BB)', 'Zero  (aa)', 'Zero (AA) x']);
    expect(r.found.map((f) => [f.input, f.code])).toEqual([
      ['Zero(BB)', '099002'],
      ['Zero  (aa)', '099003'],
    ]);
    expect(r.unknown).toEqual(['Zero (AA) x']);
  });
});
