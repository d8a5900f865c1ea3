import type { Knex } from 'knex';
import { allianceChanges, applyEntry, type AllianceChange, type HistoryState } from '../../domain/history';
import { describeChange, type ChangeNames } from '../../domain/history-text';
import type { TerritoryTables } from '../data/territory-store';
import type { HistoryAction, HistoryActor } from '../queries/alliances';
import type { CatalogueIndex } from '../queries/services';

/** One entry of an alliance's public history: when, who, what changed. */
export interface HistoryEntry {
  id: number;
  allianceId: number;
  allianceName: string;
  version: number;
  at: string;
  action: HistoryAction;
  actor: HistoryActor & { label: { it: string; en: string } };
  changes: (AllianceChange & { text: { it: string; en: string } })[];
}

interface HistoryRow {
  id: number;
  allianceId: number;
  version: number;
  action: HistoryAction;
  at: string;
  actor: HistoryActor;
  snapshot: HistoryState & { invitation?: { code?: string; partner?: string; id?: number } };
}

/** Names for change texts, from the territory tables and the service catalogue. */
export function changeNames(tables: TerritoryTables, catalogue: CatalogueIndex): ChangeNames {
  return {
    comune: (code) => tables.facts.get(code)?.name ?? code,
    service: (code) => catalogue.get(code)?.name.it ?? code,
  };
}

/** Which adhesion link a decision came through (its number is in the history when it was issued again). */
const via = (invitation: number | undefined, lang: 'it' | 'en') => (invitation === undefined ? '' : lang === 'it' ? ` (link n. ${invitation})` : ` (link no. ${invitation})`);

function actorLabel(actor: HistoryActor, names: ChangeNames): { it: string; en: string } {
  switch (actor.kind) {
    case 'founder':
      return { it: 'Fondatore (link di modifica)', en: 'Founder (edit link)' };
    case 'administrator':
      return { it: 'Amministrazione', en: 'Administrator' };
    case 'member':
      return { it: `Comune di ${names.comune(actor.code)}${via(actor.invitation, 'it')}`, en: `Comune of ${names.comune(actor.code)}${via(actor.invitation, 'en')}` };
    case 'partner':
      return { it: `${actor.name}${via(actor.invitation, 'it')}`, en: `${actor.name}${via(actor.invitation, 'en')}` };
  }
}

/** Every entry of the listed alliances, with the changes each made to the state before it; newest first. */
export async function allianceHistory(knex: Knex, names: ChangeNames, options: { allianceId?: number; publishedOnly?: boolean; limit: number }): Promise<HistoryEntry[]> {
  const where = ['a.deleted_at IS NULL'];
  const bindings: (number | string)[] = [];
  if (options.allianceId !== undefined) {
    where.push('a.id = ?');
    bindings.push(options.allianceId);
  }
  if (options.publishedOnly) where.push(`a.status = 'published'`);
  // Whole histories are read (a change is a difference from the entry before), then the newest kept.
  const result = await knex.raw<{ rows: (HistoryRow & { allianceName: string })[] }>(
    `SELECT h.id, h.alliance_id AS "allianceId", a.name AS "allianceName", h.version, h.action, h.at, h.actor, h.snapshot
     FROM alliance_history h JOIN alliances a ON a.id = h.alliance_id
     WHERE ${where.join(' AND ')} ORDER BY h.alliance_id, h.id`,
    bindings,
  );
  const entries: HistoryEntry[] = [];
  let state: HistoryState = {};
  let current = -1;
  for (const row of result.rows) {
    if (row.allianceId !== current) {
      state = {};
      current = row.allianceId;
    }
    const { invitation, ...snapshot } = row.snapshot;
    const next = applyEntry(state, snapshot);
    const changes = allianceChanges(state, next).map((c) => withText(c, names));
    state = next;
    entries.push({
      id: row.id,
      allianceId: row.allianceId,
      allianceName: row.allianceName,
      version: row.version,
      at: new Date(row.at).toISOString(),
      action: row.action,
      actor: { ...row.actor, label: actorLabel(row.actor, names) },
      changes: invitation
        ? [withText({ kind: 'invitation', ...invitation, change: row.action === 'invitation_issued' ? 'issued' : 'revoked' }, names)]
        : row.action === 'token_rotated'
          ? [withText({ kind: 'editLink', change: 'rotated' }, names)]
          : changes,
    });
  }
  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  return entries.slice(0, options.limit);
}

const withText = (change: AllianceChange, names: ChangeNames) => ({ ...change, text: { it: describeChange(change, names, 'it'), en: describeChange(change, names, 'en') } });
