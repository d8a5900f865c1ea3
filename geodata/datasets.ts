/**
 * The datasets the atlas is built from: where each comes from, which version, its licence and its
 * known gaps. One list for the data pack's manifest, the data licence file, `GET /api/sources`
 * and the app's "Dati" page.
 */
import type { DatasetInfo } from '../domain/datasets';

export type { DatasetId, DatasetInfo } from '../domain/datasets';

/** The `source` of the Unioni in the associations table (CSV imports use 'csv'). */
export const UNIONI_SOURCE = 'ANCI 2023';

export const DATASETS: readonly DatasetInfo[] = [
  {
    id: 'boundaries',
    title: { it: 'Confini di comuni, province e regioni', en: 'Boundaries of Comuni, provinces and regions' },
    source: 'ISTAT, via openpolis/geojson-italy',
    upstreamVersion: 'openpolis/geojson-italy commit 5dd489e (2024-05-14)',
    referenceDate: '2023-06',
    licence: 'CC BY 4.0',
    attribution: 'Confini: © ISTAT (CC BY 4.0) via openpolis/geojson-italy',
    en: {
      source: 'ISTAT, via openpolis/geojson-italy',
      upstreamVersion: 'openpolis/geojson-italy commit 5dd489e (2024-05-14)',
      licence: 'CC BY 4.0',
      attribution: 'Boundaries: © ISTAT (CC BY 4.0) via openpolis/geojson-italy',
    },
    gaps: [
      {
        it: 'Due comuni nati da fusioni non hanno poligono: Moransengo-Tonengo (AT) e Bardello con Malgesso e Bregano (VA).',
        en: 'Two merged Comuni have no polygon: Moransengo-Tonengo (AT) and Bardello con Malgesso e Bregano (VA).',
      },
      {
        it: 'Le province sono la versione semplificata (20 %) pubblicata dalla stessa fonte.',
        en: 'Provinces are the simplified (20 %) version published by the same source.',
      },
    ],
  },
  {
    id: 'figures',
    title: { it: 'Popolazione, superficie e classi delle aree interne', en: 'Population, area and inner-area classes' },
    source: 'ISTAT, censimento permanente; DPCoe-NUVAP / ISTAT, Mappa Aree Interne 2020',
    upstreamVersion: 'alessandroalberti-researchunit/Aree_Interne commit 7200183 (xlsx converted to CSV)',
    referenceDate: '2020-12-31',
    licence: 'CC BY 4.0 (ISTAT); classificazione DPCoe: dati aperti della PA, nessuna licenza dichiarata',
    attribution:
      'Popolazione e superfici: ISTAT, censimento permanente 2020; Aree interne: DPCoe-NUVAP / ISTAT',
    en: {
      source: 'ISTAT, permanent census; DPCoe-NUVAP / ISTAT, Mappa Aree Interne 2020 (inner-areas map)',
      upstreamVersion: 'alessandroalberti-researchunit/Aree_Interne commit 7200183 (xlsx converted to CSV)',
      licence: 'CC BY 4.0 (ISTAT); DPCoe classification: public-administration open data, no licence stated',
      attribution: 'Population and areas: ISTAT, permanent census 2020; inner areas: DPCoe-NUVAP / ISTAT',
    },
    gaps: [
      {
        it: 'Misiliscemi (TP), nato nel 2021, non ha popolazione.',
        en: 'Misiliscemi (TP), created in 2021, has no population figure.',
      },
    ],
  },
  {
    id: 'snai',
    title: { it: 'Aree della Strategia nazionale aree interne (SNAI)', en: 'National inner-areas strategy (SNAI) areas' },
    source: 'DPCoe-NUVAP, elenchi delle aree SNAI 2014–2020, 2021–2027 e isole minori',
    upstreamVersion: 'alessandroalberti-researchunit/Aree_Interne commit 7200183 (xlsx converted to CSV)',
    referenceDate: '2022',
    licence: 'Dati aperti della PA, nessuna licenza dichiarata',
    attribution: 'Aree SNAI: DPCoe-NUVAP / ISTAT',
    en: {
      source: 'DPCoe-NUVAP, lists of the SNAI areas 2014–2020, 2021–2027 and minor islands',
      upstreamVersion: 'alessandroalberti-researchunit/Aree_Interne commit 7200183 (xlsx converted to CSV)',
      licence: 'Public-administration open data, no licence stated',
      attribution: 'SNAI areas: DPCoe-NUVAP / ISTAT',
    },
    gaps: [],
  },
  {
    id: 'sll',
    title: { it: 'Sistemi locali del lavoro 2021', en: 'Local labour-market areas (SLL) 2021' },
    source: 'ISTAT, Sistemi locali del lavoro 2021',
    upstreamVersion: 'ISTAT, composizione SLL 2021 (codici di giugno 2026, uniti ai codici 2023)',
    referenceDate: '2021',
    licence: 'CC BY 4.0',
    attribution: 'Sistemi locali del lavoro: ISTAT (CC BY 4.0)',
    en: {
      source: 'ISTAT, Sistemi locali del lavoro 2021 (local labour-market areas)',
      upstreamVersion: 'ISTAT, SLL 2021 composition (codes of June 2026, matched to the 2023 codes)',
      licence: 'CC BY 4.0',
      attribution: 'Local labour-market areas: ISTAT (CC BY 4.0)',
    },
    gaps: [
      {
        it: 'Alcuni comuni con codici cambiati dopo il 2023 non si uniscono ai confini.',
        en: 'A few Comuni whose codes changed after 2023 do not join the boundaries.',
      },
    ],
  },
  {
    id: 'unioni',
    title: {
      it: 'Unioni di Comuni, Comunità di montagna e Comunità di valle',
      en: 'Unions of Comuni, mountain communities and valley communities',
    },
    source: 'ANCI, Elenco Unioni di Comuni 2023, via istat-methodology/protocolli-intesa',
    upstreamVersion: 'istat-methodology/protocolli-intesa commit adcbc3d5 (nomi abbinati ai codici ISTAT)',
    referenceDate: '2023',
    licence: 'Fatti pubblici dall\'elenco ANCI; il repository di origine è GPL-3.0 e non dichiara una licenza per i dati',
    attribution: 'Unioni di Comuni: ANCI, Elenco Unioni di Comuni 2023, via istat-methodology/protocolli-intesa',
    en: {
      source: 'ANCI, Elenco Unioni di Comuni 2023, via istat-methodology/protocolli-intesa',
      upstreamVersion: 'istat-methodology/protocolli-intesa commit adcbc3d5 (names matched to ISTAT codes)',
      licence: 'Public facts from the ANCI list; the source repository is GPL-3.0 and states no licence for the data',
      attribution: 'Unions of Comuni: ANCI, Elenco Unioni di Comuni 2023, via istat-methodology/protocolli-intesa',
    },
    gaps: [
      {
        it: 'Alcuni elenchi di membri sono troncati nella fonte (Unione Montana Alta Langa, Marmilla, Sulcis, Calatino, Nebrodi: un membro ciascuna non identificato).',
        en: 'A few member lists are truncated in the source (Unione Montana Alta Langa, Marmilla, Sulcis, Calatino, Nebrodi: one member each could not be identified).',
      },
      {
        it: 'Mancano le Comunità Montane delle regioni diverse dal Friuli-Venezia Giulia; i cambiamenti dopo il 2023 non sono riportati.',
        en: 'Comunità Montane of regions other than Friuli-Venezia Giulia are missing; changes after 2023 are not reflected.',
      },
      {
        it: 'La fonte non dice quali funzioni esercita ciascuna Unione.',
        en: 'The source does not say which functions each Unione exercises.',
      },
    ],
  },
];

export const ATTRIBUTION = DATASETS.map((d) => d.attribution).join('; ') + '.';
/** The same in English. */
export const ATTRIBUTION_EN = DATASETS.map((d) => d.en.attribution).join('; ') + '.';
