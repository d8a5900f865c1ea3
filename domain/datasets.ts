/** The datasets the atlas is built from (their list lives with the import, in geodata/datasets). */
export type DatasetId = 'boundaries' | 'figures' | 'snai' | 'sll' | 'unioni';

export interface DatasetInfo {
  id: DatasetId;
  title: { it: string; en: string };
  /** Who publishes the data, and through which repository we take it. */
  source: string;
  /** Upstream repository, commit or publication the files were taken from. */
  upstreamVersion: string;
  /** The date (or year) the figures describe. */
  referenceDate: string;
  licence: string;
  attribution: string;
  /** The same facts in English for the English page and map (proper names stay as they are). */
  en: { source: string; upstreamVersion: string; licence: string; attribution: string };
  /** What is known to be missing or approximate, in Italian and English. */
  gaps: { it: string; en: string }[];
}
