import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLISHER, openDataCatalog } from '../../server/open-data/catalog';
import { DCAT_AP_SHAPES, jsonLdDataset, loadShapes, shaclViolations } from '../helpers/shacl';

const shapes = loadShapes(DCAT_AP_SHAPES);

const catalog = (publisher = DEFAULT_PUBLISHER) =>
  openDataCatalog({
    base: 'https://atlante.example.it',
    publisher,
    alliancesModified: '2026-03-01T10:00:00Z',
    referenceModified: '2026-01-15T08:00:00Z',
    referenceYears: { from: '2020', to: '2023' },
  });

describe('the DCAT-AP_IT catalogue against the EU’s DCAT-AP SHACL shapes', () => {
  it('finds what a bare dcat:Dataset lacks (the control: the shapes are loaded and applied)', async () => {
    const bare = { '@id': 'https://example.org/d', '@type': 'http://www.w3.org/ns/dcat#Dataset' };
    const found = (await shaclViolations(shapes, await jsonLdDataset(bare))).map((v) => `${v.focus} ${v.path} ${v.constraint}`);
    expect(found.sort()).toEqual([
      'http://www.w3.org/ns/dcat#Catalog (path) MinCountConstraintComponent', // mandatory classes: no catalogue
      'http://xmlns.com/foaf/0.1/Agent (path) MinCountConstraintComponent', // … and no agent
      'https://example.org/d http://purl.org/dc/terms/description MinCountConstraintComponent',
      'https://example.org/d http://purl.org/dc/terms/title MinCountConstraintComponent',
    ]);
  });

  it('finds a blank-node publisher and untyped themes (what the catalogue had)', async () => {
    const doc = catalog() as unknown as { 'dct:publisher': Record<string, unknown>; 'dcat:dataset': { 'dcat:theme': Record<string, unknown>[] }[] };
    const { '@id': _id, ...blank } = doc['dct:publisher'];
    doc['dct:publisher'] = blank;
    // A theme's class anywhere in the graph types it everywhere: untype each use.
    for (const dataset of doc['dcat:dataset']) dataset['dcat:theme'] = dataset['dcat:theme'].map(({ '@type': _type, ...theme }) => theme);
    const found = (await shaclViolations(shapes, await jsonLdDataset(doc))).map((v) => `${v.path} ${v.constraint}`);
    expect(found.sort()).toEqual([
      'http://purl.org/dc/terms/publisher NodeKindConstraintComponent',
      ...Array<string>(7).fill('http://www.w3.org/ns/dcat#theme ClassConstraintComponent'), // 7 themes in 5 datasets
    ]);
  });

  it('conforms: no violation, with the default publisher and a configured one', async () => {
    expect(await shaclViolations(shapes, await jsonLdDataset(catalog()))).toEqual([]);
    expect(await shaclViolations(shapes, await jsonLdDataset(catalog({ name: 'Regione Piemonte', id: 'r_piemon' })))).toEqual([]);
  });
});
