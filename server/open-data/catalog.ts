import { declaredColumnsText } from '../exports/table';
import { FEES, MEMBERS, SERVICES } from './tables';

/**
 * The open-data catalogue in DCAT-AP_IT (JSON-LD), for the national catalogue (dati.gov.it) and any
 * DCAT harvester: one dataset per published export, each with its distributions and their licences.
 */
export interface Publisher {
  /** The publishing body's name, e.g. "Regione Piemonte" (PUBLISHER_NAME). */
  name: string;
  /** Its identifier: the IPA code of an Italian public body (PUBLISHER_ID). */
  id: string;
}

/** Until PUBLISHER_NAME / PUBLISHER_ID are set, the catalogue names the project itself as publisher. */
export const DEFAULT_PUBLISHER: Publisher = { name: 'ALI Atlas', id: 'ali-atlas' };

export interface CatalogInput {
  /** Absolute URL of the app, without a trailing slash. */
  base: string;
  publisher: Publisher;
  /** When alliances, members or services last changed (ISO date-time), or null before any. */
  alliancesModified: string | null;
  /** When the reference data was last imported (ISO date-time), or null. */
  referenceModified: string | null;
  /** The year the reference figures describe (population 2020, boundaries 2023). */
  referenceYears: { from: string; to: string };
}

/*
 * DCAT-AP requires every object taken from a controlled vocabulary to carry its class in the
 * catalogue itself (its "mandatory classes" shapes): a harvester does not dereference the EU's
 * vocabularies to learn that ANNUAL is a dct:Frequency. Hence the `@type` of each below.
 */
const EU = 'http://publications.europa.eu/resource/authority';
const theme = (code: 'GOVE' | 'REGI') => ({ '@id': `${EU}/data-theme/${code}`, '@type': 'skos:Concept' });
const fileType = (code: 'CSV' | 'GEOJSON' | 'JSON' | 'XLSX' | 'HTML') => ({ '@id': `${EU}/file-type/${code}`, '@type': 'dct:MediaTypeOrExtent' });
const ITALY = { '@id': `${EU}/country/ITA`, '@type': 'dct:Location' };
const ITALIAN = { '@id': `${EU}/language/ITA`, '@type': 'dct:LinguisticSystem' };
const YEARLY = { '@id': `${EU}/frequency/ANNUAL`, '@type': 'dct:Frequency' };
const CONTINUOUS = { '@id': `${EU}/frequency/UPDATE_CONT`, '@type': 'dct:Frequency' };
/** An IANA media type: a dct:MediaType, which DCMI makes a dct:MediaTypeOrExtent (DCAT-AP 1.2 asks for the latter). */
const MEDIA_TYPE = ['dct:MediaType', 'dct:MediaTypeOrExtent'];
/** A web page (a landing page, a home page). */
const page = (url: string) => ({ '@id': url, '@type': 'foaf:Document' });

/** CC BY 4.0 as a dct:LicenseDocument (the licence of what the product's users publish, and of ISTAT's data). */
const CC_BY_4 = {
  '@id': 'https://creativecommons.org/licenses/by/4.0/',
  '@type': 'dct:LicenseDocument',
  'dct:type': { '@id': 'http://purl.org/adms/licencetype/Attribution' },
  'foaf:name': 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)',
};

const MEDIA: Record<string, string> = {
  CSV: 'text/csv',
  GEOJSON: 'application/geo+json',
  JSON: 'application/json',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  HTML: 'text/html',
};

interface DistributionSpec {
  path: string;
  format: 'CSV' | 'GEOJSON' | 'JSON' | 'XLSX' | 'HTML';
  title: string;
  licence: object;
  /** What the file holds: for a table, its columns as declared (open-data/tables). */
  description?: string;
}

function distribution(base: string, id: string, spec: DistributionSpec, index: number) {
  const url = `${base}${spec.path}`;
  return {
    '@id': `${base}/api/open-data/catalog.jsonld#${id}-${index + 1}`,
    '@type': ['dcatapit:Distribution', 'dcat:Distribution'],
    'dct:title': spec.title,
    ...(spec.description ? { 'dct:description': spec.description } : {}),
    'dct:format': fileType(spec.format),
    'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${MEDIA[spec.format]}`, '@type': MEDIA_TYPE },
    'dcat:accessURL': { '@id': url },
    'dcat:downloadURL': { '@id': url },
    'dct:license': spec.licence,
  };
}

export function openDataCatalog(input: CatalogInput) {
  const { base, publisher } = input;
  // An IRI (DCAT-AP: the publisher is a node others can refer to), in this catalogue's own namespace.
  const agent = { '@id': `${base}/api/open-data/catalog.jsonld#publisher`, '@type': ['dcatapit:Agent', 'foaf:Agent'], 'dct:identifier': publisher.id, 'foaf:name': publisher.name };
  const today = new Date().toISOString().slice(0, 10);
  const day = (iso: string | null) => (iso ?? today).slice(0, 10);
  const alliancesPeriod = { '@type': 'dct:PeriodOfTime', 'dcat:startDate': { '@value': '2007-01-01', '@type': 'xsd:date' } };
  const referencePeriod = {
    '@type': 'dct:PeriodOfTime',
    'dcat:startDate': { '@value': `${input.referenceYears.from}-01-01`, '@type': 'xsd:date' },
    'dcat:endDate': { '@value': `${input.referenceYears.to}-12-31`, '@type': 'xsd:date' },
  };
  const dataset = (
    id: string,
    title: string,
    description: string,
    themes: object[],
    modified: string | null,
    periodicity: object,
    temporal: object,
    distributions: DistributionSpec[],
  ) => ({
    '@id': `${base}/api/open-data/catalog.jsonld#${id}`,
    '@type': ['dcatapit:Dataset', 'dcat:Dataset'],
    'dct:identifier': `${publisher.id}:ali-atlas-${id}`,
    'dct:title': title,
    'dct:description': description,
    'dct:modified': { '@value': day(modified), '@type': 'xsd:date' },
    'dcat:theme': themes,
    'dct:rightsHolder': agent,
    'dct:publisher': agent,
    'dct:accrualPeriodicity': periodicity,
    'dct:language': ITALIAN,
    'dct:spatial': ITALY,
    'dct:temporal': temporal,
    'dcat:landingPage': page(`${base}/?mode=data`),
    'dcat:distribution': distributions.map((d, i) => distribution(base, id, d, i)),
  });
  // The licences section of the data page: its own node, not the page (the datasets' landing page, a foaf:Document).
  const sourceLicences = {
    '@id': `${base}/?mode=data#licenze`,
    '@type': 'dct:LicenseDocument',
    'foaf:name': 'Licenze delle fonti: CC BY 4.0 (ISTAT); dati aperti della PA senza licenza dichiarata (DPCoe, ANCI) — vedi la pagina Dati',
  };

  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dcatapit: 'http://dati.gov.it/onto/dcatapit#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      skos: 'http://www.w3.org/2004/02/skos/core#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/api/open-data/catalog.jsonld`,
    '@type': ['dcatapit:Catalog', 'dcat:Catalog'],
    'dct:title': 'ALI Atlas — Alleanze Locali per l’Innovazione',
    'dct:description':
      'Le alleanze tra piccoli Comuni per l’innovazione (ALI): membri con i loro atti di adesione, servizi condivisi con costi e quote, e i dati di riferimento (Comuni, Unioni, aree SNAI, sistemi locali del lavoro).',
    'dct:publisher': agent,
    'dct:modified': { '@value': day(input.alliancesModified ?? input.referenceModified), '@type': 'xsd:date' },
    'dct:language': ITALIAN,
    'foaf:homepage': page(`${base}/`),
    'dcat:dataset': [
      dataset(
        'alleanze',
        'Alleanze ALI pubblicate',
        'Le alleanze pubblicate con il loro contorno e i Comuni membri (stato di adesione, capofila), la forma giuridica (convenzione, unione, consorzio, società in house, accordo), la fase AgID e l’ufficio RTD associato.',
        [theme('GOVE'), theme('REGI')],
        input.alliancesModified,
        CONTINUOUS,
        alliancesPeriod,
        [
          { path: '/api/open-data/alliances.geojson', format: 'GEOJSON', title: 'Alleanze con i contorni (GeoJSON)', licence: CC_BY_4 },
          { path: '/ogc/collections/alliances/items?f=json', format: 'GEOJSON', title: 'Alleanze via OGC API – Features', licence: CC_BY_4 },
        ],
      ),
      dataset(
        'membri',
        'Membri delle alleanze ALI',
        "Un record per Comune membro di ogni alleanza pubblicata: codice ISTAT, stato (proposto, aderente, ha declinato, receduto), capofila, l'atto con cui il Comune ha deciso (organo, numero, data, indirizzo, versione della convenzione approvata), la forma giuridica e la fase dell'alleanza.",
        [theme('GOVE')],
        input.alliancesModified,
        CONTINUOUS,
        alliancesPeriod,
        [
          { path: '/api/open-data/alliances.csv', format: 'CSV', title: 'Membri e atti di adesione (CSV)', licence: CC_BY_4, description: declaredColumnsText(MEMBERS) },
          { path: '/api/open-data/alliances.xlsx', format: 'XLSX', title: 'Membri e atti di adesione (Excel)', licence: CC_BY_4, description: declaredColumnsText(MEMBERS) },
          {
            path: '/ogc/collections/alliance-members/items?f=json',
            format: 'GEOJSON',
            title: 'Membri via OGC API – Features (con i confini dei Comuni)',
            licence: CC_BY_4,
            description: declaredColumnsText(MEMBERS),
          },
        ],
      ),
      dataset(
        'servizi',
        'Servizi condivisi e quote delle alleanze ALI',
        'I servizi che ogni alleanza pubblicata gestisce in forma associata, con il costo annuo, chi lo eroga e la quota di ciascun Comune.',
        [theme('GOVE')],
        input.alliancesModified,
        CONTINUOUS,
        alliancesPeriod,
        [
          { path: '/api/open-data/services.csv', format: 'CSV', title: 'Servizi e costi (CSV)', licence: CC_BY_4, description: declaredColumnsText(SERVICES) },
          { path: '/api/open-data/fees.csv', format: 'CSV', title: 'Quote per Comune (CSV)', licence: CC_BY_4, description: declaredColumnsText(FEES) },
          {
            path: '/api/open-data/services.xlsx',
            format: 'XLSX',
            title: 'Servizi, costi e quote (Excel)',
            licence: CC_BY_4,
            description: `Due fogli. Servizi: ${declaredColumnsText(SERVICES)} Quote: ${declaredColumnsText(FEES)}`,
          },
        ],
      ),
      dataset(
        'associazioni',
        'Associazioni esistenti tra Comuni',
        'Unioni di Comuni e Comunità Montane (ANCI 2023), aree SNAI (DPCoe-NUVAP 2022) e sistemi locali del lavoro (ISTAT 2021), con i Comuni membri e i contorni.',
        [theme('REGI'), theme('GOVE')],
        input.referenceModified,
        YEARLY,
        referencePeriod,
        [{ path: '/ogc/collections/associations/items?f=json', format: 'GEOJSON', title: 'Associazioni via OGC API – Features', licence: sourceLicences }],
      ),
      dataset(
        'comuni',
        'Comuni italiani: confini, popolazione, aree interne',
        'I 7.899 Comuni (confini ISTAT 2023), con popolazione residente (censimento 2020), superficie, densità e classe di area interna.',
        [theme('REGI')],
        input.referenceModified,
        YEARLY,
        referencePeriod,
        [{ path: '/ogc/collections/comuni/items?f=json', format: 'GEOJSON', title: 'Comuni via OGC API – Features', licence: CC_BY_4 }],
      ),
    ],
  };
}
