/**
 * "Cos'è un'ALI": which principles of the 2007 programme (Ministero per le Riforme e l'Innovazione
 * nella PA, 16 gennaio 2007) and which terms the page shows, in order. Their words are i18n
 * resources (`principles.*`, `glossary.*` in client/i18n), in Italian and English.
 */
export const PRINCIPLE_IDS = ['contiguous', 'existing', 'services', 'selfGovernment', 'atService', 'selfFunding'] as const;

/** Terms by anchor id: `#glossario-<id>` links to one from where it appears (see `Term`). */
export const GLOSSARY_IDS = [
  'ali',
  'bozza',
  'proposto',
  'aderente',
  'declinato',
  'receduto',
  'costituita',
  'capofila',
  'piccolo-comune',
  'funzioni-fondamentali',
  'tuel-32',
  'comunita-montana',
  'aree-interne',
  'link-adesione',
] as const;

export type GlossaryId = (typeof GLOSSARY_IDS)[number];
