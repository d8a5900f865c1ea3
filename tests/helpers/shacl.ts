import fs from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { DataFactory, Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const { namedNode, quad } = DataFactory;
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const RDFS_CLASS = namedNode('http://www.w3.org/2000/01/rdf-schema#Class');
const NODE_SHAPE = namedNode('http://www.w3.org/ns/shacl#NodeShape');
const OWL_IMPORTS = namedNode('http://www.w3.org/2002/07/owl#imports');

/** The EU's DCAT-AP SHACL shapes, vendored unchanged (see tests/fixtures/dcat-ap/SOURCE.md). */
export const DCAT_AP_SHAPES = ['dcat-ap.shapes.ttl', 'dcat-ap-mandatory-classes.shapes.ttl'].map((name) => path.join(import.meta.dirname, '../fixtures/dcat-ap', name));

/**
 * The shapes as they are applied in practice: each named node shape is also declared an
 * `rdfs:Class`, so that SHACL's implicit class targets apply (the files name their classes as
 * shapes without it), and `owl:imports` is dropped (no network in tests).
 */
export function loadShapes(files: readonly string[]): Store {
  const store = new Store();
  for (const file of files) store.addQuads(new Parser({ baseIRI: `file:///${path.basename(file)}` }).parse(fs.readFileSync(file, 'utf8')));
  for (const imports of store.getQuads(null, OWL_IMPORTS, null, null)) store.removeQuad(imports);
  for (const shape of store.getSubjects(RDF_TYPE, NODE_SHAPE, null)) {
    if (shape.termType === 'NamedNode') store.addQuad(quad(shape, RDF_TYPE, RDFS_CLASS));
  }
  return store;
}

/** A JSON-LD document as an RDF dataset. */
export async function jsonLdDataset(doc: object): Promise<Store> {
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { format: 'application/n-quads' })) as unknown as string;
  return new Store(new Parser({ format: 'application/n-quads' }).parse(nquads));
}

export interface Violation {
  focus: string;
  path: string;
  /** The constraint broken, e.g. ClassConstraintComponent. */
  constraint: string;
  message: string;
}

/** The SHACL results of a dataset against the shapes: one line per violation, readable in a failed assertion. */
export async function shaclViolations(shapes: Store, data: Store): Promise<Violation[]> {
  const report = await new SHACLValidator(shapes).validate(data);
  return report.results.map((r) => ({
    focus: r.focusNode?.termType === 'BlankNode' ? '_:blank' : (r.focusNode?.value ?? ''),
    path: r.path?.termType === 'NamedNode' ? r.path.value : '(path)',
    constraint: r.sourceConstraintComponent?.value.replace('http://www.w3.org/ns/shacl#', '') ?? '',
    message: r.message.map((m) => m.value).join(' '),
  }));
}
