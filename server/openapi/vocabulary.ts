import { XLSX_TYPE } from '../exports/send';

/** The words of the API description: content types, tags and who may call an operation. */

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call it: `Authorization: Bearer` with an alliance's edit token, ADMIN_TOKEN, a member's
 * invitation token, or either the edit token or ADMIN_TOKEN.
 */
export type Auth = 'edit' | 'admin' | 'member' | 'editOrAdmin';

export const CONTENT = {
  json: 'application/json',
  geojson: 'application/geo+json',
  csv: 'text/csv',
  xlsx: XLSX_TYPE,
  pbf: 'application/vnd.mapbox-vector-tile',
  html: 'text/html',
  jsonld: 'application/ld+json',
  atom: 'application/atom+xml',
  openapi: 'application/vnd.oai.openapi+json;version=3.0',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type ContentType = (typeof CONTENT)[keyof typeof CONTENT];

export const TAGS = {
  system: { it: 'Sistema e dati di riferimento', en: 'System and reference data' },
  comuni: { it: 'Comuni e territori', en: 'Comuni and territories' },
  associations: { it: 'Associazioni esistenti', en: 'Existing associations' },
  alliances: { it: 'Alleanze', en: 'Alliances' },
  services: { it: 'Catalogo dei servizi', en: 'Service catalogue' },
  coverage: { it: 'Copertura dei servizi', en: 'Service coverage' },
  openData: { it: 'Open data', en: 'Open data' },
  ogc: { it: 'OGC API – Features', en: 'OGC API – Features' },
  tiles: { it: 'Tile vettoriali', en: 'Vector tiles' },
} as const satisfies Record<string, { it: string; en: string }>;
export type Tag = keyof typeof TAGS;
