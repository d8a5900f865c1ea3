import { territoryMembers } from '../../domain/alliance';
import { computeFees, sustainability, type FeeNote, type Sustainability } from '../../domain/fees';
import type { TerritoryTables } from '../data/territory-store';
import type { StoredAlliance } from '../queries/alliances';

export interface FeeReport {
  allianceId: number;
  version: number;
  services: {
    code: string;
    name: { it: string; en: string };
    annualCostCents: number;
    chargedCents: number;
    equalShare: number;
    recipients: number;
    note?: FeeNote;
  }[];
  /** One row per member of the territory: its fee for each service (cents) and in total. */
  members: { code: string; name: string; population: number | null; feesCents: Record<string, number>; totalCents: number }[];
  runningCostCents: number;
  /** Charges against service costs plus the alliance's own running costs. */
  sustainability: Sustainability;
}

/**
 * What each member pays for each service (principle 6). Each service's charge (its cost unless
 * set otherwise) is split among its recipients by its fee rule, in cents that add up exactly.
 */
export function feeReport(alliance: StoredAlliance, tables: TerritoryTables, names: ReadonlyMap<string, { it: string; en: string }>): FeeReport {
  const territory = territoryMembers(alliance.members);
  const table = computeFees(
    alliance.services.map((s) => ({
      code: s.code,
      annualCostCents: s.chargedCents ?? s.annualCostCents,
      feeRule: { equalShare: s.equalShare },
      recipients: s.recipients ?? territory,
    })),
    territory.map((code) => ({ code, population: tables.facts.get(code)?.population ?? null })),
  );
  const uncharged = alliance.services.reduce((sum, s) => sum + s.annualCostCents - (s.chargedCents ?? s.annualCostCents), 0);
  return {
    allianceId: alliance.id,
    version: alliance.version,
    services: alliance.services.map((s, i) => {
      const row = table.services[i]!;
      return {
        code: s.code,
        name: names.get(s.code) ?? { it: s.code, en: s.code },
        annualCostCents: s.annualCostCents,
        chargedCents: row.costCents,
        equalShare: s.equalShare,
        recipients: Object.keys(row.feesCents).length,
        ...(row.note ? { note: row.note } : {}),
      };
    }),
    members: territory.map((code) => {
      const facts = tables.facts.get(code);
      const feesCents = Object.fromEntries(table.services.map((s) => [s.code, s.feesCents[code] ?? 0]));
      return { code, name: facts?.name ?? code, population: facts?.population ?? null, feesCents, totalCents: table.members[code] ?? 0 };
    }),
    runningCostCents: alliance.runningCostCents,
    // Costs the members are not charged for (grants) and running costs count against the fees.
    sustainability: sustainability(table, Math.max(0, uncharged) + alliance.runningCostCents),
  };
}

/** Euros with a decimal comma, as an Italian spreadsheet reads them (the CSV uses `;`). */
const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
const field = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The fee table for a spreadsheet: one row per member, one column per service, totals last. */
export function feeCsv(report: FeeReport): string {
  const header = ['codice_istat', 'comune', 'abitanti', ...report.services.map((s) => field(`${s.name.it} (€)`)), 'totale (€)'];
  const rows = report.members.map((m) =>
    [`="${m.code}"`, field(m.name), m.population ?? '', ...report.services.map((s) => euros(m.feesCents[s.code] ?? 0)), euros(m.totalCents)].join(';'),
  );
  const totals = ['', 'Totale', '', ...report.services.map((s) => euros(s.recipients > 0 ? s.chargedCents : 0)), euros(report.sustainability.feesCents)].join(';');
  return `\uFEFF${header.join(';')}\r\n${[...rows, totals].join('\r\n')}\r\n`;
}
