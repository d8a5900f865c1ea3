import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { territoryMembers } from '../../domain/alliance';
import { buildConvenzione, convenzioneText, type ConvenzioneDocument } from '../../domain/convenzione';
import { currentPhase } from '../../domain/governance';
import type { TerritoryTables } from '../data/territory-store';
import { unprocessable } from '../http/errors';
import type { StoredAlliance } from '../queries/alliances';
import { convenzioneVersion, type ConvenzioneVersion } from '../queries/convenzione-versions';
import type { CatalogueIndex } from '../queries/services';
import { feeReport } from './alliance-fees';

export interface GeneratedConvenzione {
  document: ConvenzioneDocument;
  version: ConvenzioneVersion;
}

/** The draft convenzione of a stored alliance, with its fee table, and the version its text is. */
export async function generateConvenzione(knex: Knex, alliance: StoredAlliance, tables: TerritoryTables, catalogue: CatalogueIndex): Promise<GeneratedConvenzione> {
  if (alliance.legalForm !== 'convenzione') {
    throw unprocessable(
      "Lo schema di convenzione si genera per un'alleanza in forma di convenzione: scegli la forma «convenzione» / The draft convenzione is generated for an alliance whose legal form is «convenzione»",
    );
  }
  const inTerritory = new Set(territoryMembers(alliance.members));
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
