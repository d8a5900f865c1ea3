/**
 * Every file the import reads, where it lives under GEODATA_DIR and where it came from.
 * This list is the single source of truth for the import, its validation and `geodata:download`.
 */
export interface SourceFile {
  /** Path under GEODATA_DIR, with forward slashes. */
  path: string;
  /** Direct download of the same bytes, when upstream publishes the file as is. */
  url?: string;
  /** Where the data was converted from, when upstream publishes another format. */
  origin?: string;
}

const OPENPOLIS = 'https://raw.githubusercontent.com/openpolis/geojson-italy/5dd489e';
const AREE_INTERNE = 'https://github.com/alessandroalberti-researchunit/Aree_Interne/blob/7200183';

/** Provinces with a boundary file (the abolished Sardinian provinces 104–107 have none). */
export const PROVINCE_FILE_CODES = [
  ...Array.from({ length: 103 }, (_, i) => i + 1),
  108, 109, 110, 111,
];

export const COMUNI_DIR = 'boundaries/comuni';
export const comuniFile = (province: number): string => `${COMUNI_DIR}/limits_P_${province}_municipalities.geojson`;

export const FILES = {
  regions: 'boundaries/limits_IT_regions.geojson',
  provinces: 'boundaries/limits_IT_provinces.topo.json',
  population: 'tables/comuni_population.csv',
  innerAreas: 'tables/comuni_aree_interne_2020.csv',
  snai: 'areas/snai_aree_comuni.csv',
  sll: 'areas/sll_2021_comuni.csv',
  unioni: 'associations/unioni_comuni_2023.csv',
} as const;

export const SOURCES: SourceFile[] = [
  ...PROVINCE_FILE_CODES.map((p) => ({
    path: comuniFile(p),
    url: `${OPENPOLIS}/geojson/limits_P_${p}_municipalities.geojson`,
  })),
  { path: FILES.regions, url: `${OPENPOLIS}/geojson/limits_IT_regions.geojson` },
  { path: FILES.provinces, url: `${OPENPOLIS}/topojson/limits_IT_provinces.topo.json` },
  { path: FILES.population, origin: `${AREE_INTERNE}/DATA/mappa-ai-2020-elenco-classificazione-comuni.xlsx` },
  { path: FILES.innerAreas, origin: `${AREE_INTERNE}/DATA/mappa-ai-2020-elenco-classificazione-comuni.xlsx` },
  { path: FILES.snai, origin: `${AREE_INTERNE}/DATA/elenco_aree_snai_14-20-e-21-27.xlsx` },
  { path: FILES.sll, origin: 'https://www.istat.it/classificazione/sistemi-locali-del-lavoro/ (SLL 2021 composition)' },
  {
    path: FILES.unioni,
    origin:
      'https://github.com/istat-methodology/protocolli-intesa/blob/adcbc3d5/classification/ (member names matched to ISTAT codes by hand)',
  },
];
