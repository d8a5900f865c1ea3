import { grantsTotal, type AllianceServiceInput, type Grant } from './alliance';
import { computeFees, sustainability, type FeeNote, type Sustainability } from './fees';

export interface FeeReportService {
  code: string;
  name: { it: string; en: string };
  annualCostCents: number;
  /** What members are charged in total: as set, else the cost less its grants. */
  chargedCents: number;
  /** How the charge was reached: set by the founder, the cost, or the cost less the grants. */
  chargeBasis: 'set' | 'cost' | 'cost_less_grants';
  equalShare: number;
  /** How many members pay for it. */
  recipients: number;
  /** Who else pays for it, and how much in all. */
  grants: Grant[];
  grantsCents: number;
  note?: FeeNote;
}

/** The cost-sharing view of an alliance (principle 6): each member's fee for each service. */
export interface FeeReport {
  services: FeeReportService[];
  /** One row per member of the territory: its fee for each service (cents) and in total. */
  members: { code: string; name: string; population: number | null; feesCents: Record<string, number>; totalCents: number }[];
  runningCostCents: number;
  /** Charges against service costs plus the alliance's own running costs. */
  sustainability: Sustainability;
}

export interface FeeReportInput {
  services: readonly AllianceServiceInput[];
  /** The territory's members in display order. */
  members: readonly { code: string; name: string; population: number | null }[];
  runningCostCents: number;
  serviceName: (code: string) => { it: string; en: string } | undefined;
}

/**
 * Splits each service's charge (as set, else its cost less its grants) among its recipients (all
 * members unless listed) by its fee rule, in cents that add up exactly; costs not charged to members and running costs count against
 * sustainability, grants from outside for it. The same function serves the builder's live preview and the server.
 */
export function feeReport({ services, members, runningCostCents, serviceName }: FeeReportInput): FeeReport {
  const codes = members.map((m) => m.code);
  const table = computeFees(
    services.map((s) => ({
      code: s.code,
      annualCostCents: charge(s),
      feeRule: { equalShare: s.equalShare },
      recipients: s.recipients ?? codes,
    })),
    members.map((m) => ({ code: m.code, population: m.population })),
  );
  const uncharged = services.reduce((sum, s) => sum + Math.max(0, s.annualCostCents - charge(s)), 0);
  return {
    services: services.map((s, i) => {
      const row = table.services[i]!;
      return {
        code: s.code,
        name: serviceName(s.code) ?? { it: s.code, en: s.code },
        annualCostCents: s.annualCostCents,
        chargedCents: row.costCents,
        chargeBasis: chargeBasis(s),
        equalShare: s.equalShare,
        recipients: Object.keys(row.feesCents).length,
        grants: s.grants ?? [],
        grantsCents: grantsTotal(s),
        ...(row.note ? { note: row.note } : {}),
      };
    }),
    members: members.map((m) => ({
      ...m,
      feesCents: Object.fromEntries(table.services.map((s) => [s.code, s.feesCents[m.code] ?? 0])),
      totalCents: table.members[m.code] ?? 0,
    })),
    runningCostCents,
    sustainability: sustainability(table, uncharged + runningCostCents, services.reduce((sum, s) => sum + grantsTotal(s), 0)),
  };
}

/**
 * What members are charged for a service a year: the charge the founder set, else its cost less
 * the grants that pay for it (never below zero), so that a grant lowers every share by the
 * service's own sharing rule.
 */
export function charge(s: Pick<AllianceServiceInput, 'annualCostCents' | 'chargedCents' | 'grants'>): number {
  if (s.chargedCents !== null && s.chargedCents !== undefined) return s.chargedCents;
  return Math.max(0, s.annualCostCents - grantsTotal(s));
}

function chargeBasis(s: AllianceServiceInput): FeeReportService['chargeBasis'] {
  if (s.chargedCents !== null && s.chargedCents !== undefined) return 'set';
  return grantsTotal(s) > 0 ? 'cost_less_grants' : 'cost';
}
