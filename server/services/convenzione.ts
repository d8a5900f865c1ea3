import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { territoryMembers } from '../../domain/alliance';
import { buildConvenzione, convenzioneText, type ConvenzioneDocument } from '../../domain/convenzione';
import { currentPhase } from '../../domain/governance';
import type { TerritoryTables } from '../data/territory-store';
import { DomainRefusal } from '../../domain/refusal';
import type { AllianceDraft } from '../../domain/alliance-summary';
import { findAlliance, type StoredAlliance } from '../queries/alliances';
import { convenzioneVersion, convenzioneVersions, type ConvenzioneVersion } from '../queries/convenzione-versions';
import { catalogueIndex, type CatalogueIndex } from '../queries/services';
import { feeReport } from './alliance-fees';

/** The versions of an alliance's text, oldest first (SQL in queries/convenzione-versions.ts). */
export { convenzioneVersions } from '../queries/convenzione-versions';

export interface GeneratedConvenzione {
  document: ConvenzioneDocument;
  version: ConvenzioneVersion;
}

/** The draft convenzione of a stored alliance, with its fee table, and the version its text is. */
export async function generateConvenzione(knex: Knex, alliance: StoredAlliance, tables: TerritoryTables, catalogue: CatalogueIndex): Promise<GeneratedConvenzione> {
  if (alliance.legalForm !== 'convenzione') {
    throw new DomainRefusal('invalid',
      "Lo schema di convenzione si genera per un'alleanza in forma di convenzione: scegli la forma «convenzione» / The draft convenzione is generated for an alliance whose legal form is «convenzione»",
    );
  }
  const inTerritory = new Set(territoryMembers(alliance.members));
  if (!alliance.members.some((m) => m.lead && inTerritory.has(m.code))) {
    throw new DomainRefusal('invalid', 'Regola «capofila» (TUEL art. 30 c. 4): nessun capofila tra i membri / Rule «capofila» (TUEL art. 30 c. 4): no lead Comune among the members');
  }
  const fees = feeReport(alliance, tables, catalogue);
  const lead = new Set(alliance.members.filter((m) => m.lead).map((m) => m.code));
  const document = buildConvenzione({
    allianceName: alliance.name,
    members: fees.members.filter((m) => inTerritory.has(m.code)).map((m) => ({ code: m.code, name: m.name, population: m.population, lead: lead.has(m.code) })),
    fees,
    rtd: alliance.governance.rtd ?? null,
    phase: currentPhase(alliance.governance.phases),
  });
  const sha256 = createHash('sha256').update(convenzioneText(document)).digest('hex');
  return { document, version: await convenzioneVersion(knex, alliance.id, sha256) };
}

/** Whether an alliance (or a draft) has a text to version: a convenzione with its lead Comune. */
export const hasConvenzioneText = (alliance: Pick<StoredAlliance, 'legalForm'> & { members: readonly { lead: boolean }[] }): boolean =>
  alliance.legalForm === 'convenzione' && alliance.members.some((m) => m.lead);

/** After a save: the text of a convenzione alliance gets its version now, so that adhesions can name it. */
export async function recordConvenzioneVersion(knex: Knex, alliance: StoredAlliance, tables: TerritoryTables, catalogue: CatalogueIndex): Promise<ConvenzioneVersion | null> {
  if (!hasConvenzioneText(alliance)) return null;
  return (await generateConvenzione(knex, alliance, tables, catalogue)).version;
}

/**
 * After a founder's save of `draft` as alliance `id`: as recordConvenzioneVersion, the alliance and
 * the catalogue read back only when there is a text to version (most saves have none: no reads).
 */
export async function recordSavedConvenzione(knex: Knex, id: number, draft: AllianceDraft, tables: TerritoryTables): Promise<void> {
  if (!hasConvenzioneText(draft)) return;
  await recordConvenzioneVersion(knex, (await findAlliance(knex, id))!, tables, await catalogueIndex(knex));
}

/** What the public page says about the text: its latest version, and the adhesions whose act approved an older one. */
export interface ConvenzioneStatus {
  latest: ConvenzioneVersion | null;
  olderText: { code: string; version: number }[];
}

export async function convenzioneStatus(knex: Knex, alliance: StoredAlliance): Promise<ConvenzioneStatus> {
  const versions = await convenzioneVersions(knex, alliance.id);
  const latest = versions[versions.length - 1] ?? null;
  const olderText = alliance.members.flatMap((m) => {
    const version = m.status === 'adhered' ? m.act?.convenzioneVersion : null;
    return latest && version && version < latest.version ? [{ code: m.code, version }] : [];
  });
  return { latest, olderText };
}
