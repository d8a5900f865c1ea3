import type { AdhesionAct } from './adhesion';

/**
 * What changed between two versions of an alliance, for its public history and feeds. A history
 * entry stores the whole state it left behind (or, for older or administrative entries, only the
 * fields it changed): states are rebuilt by laying each entry over the one before.
 */
export interface HistoryMember {
  code: string;
  status: string;
  lead: boolean;
  act?: AdhesionAct | null;
}

export interface HistoryService {
  code: string;
  annualCostCents: number;
  chargedCents?: number | null;
  provider?: { kind: string; ref?: string | null };
}

export interface HistoryState {
  name?: string;
  description?: string;
  status?: string;
  ruleSet?: string;
  runningCostCents?: number;
  contiguityException?: string | null;
  /** Whether the adhered members alone passed every rule. */
  constituted?: boolean;
  /** The legal form (null while not chosen). */
  legalForm?: string | null;
  /** The AgID phase the alliance is in (the last of its timeline). */
  phase?: string | null;
  members?: HistoryMember[];
  partners?: { name: string; kind: string; status?: string; act?: AdhesionAct | null }[];
  services?: HistoryService[];
}

export type AllianceChange =
  | { kind: 'field'; field: (typeof FIELDS)[number]; from: unknown; to: unknown }
  | { kind: 'member'; code: string; change: 'added' | 'removed' }
  | { kind: 'member'; code: string; change: 'status'; from: string; to: string; act: AdhesionAct | null }
  | { kind: 'member'; code: string; change: 'lead'; from: boolean; to: boolean }
  | { kind: 'partner'; name: string; change: 'added' | 'removed' }
  | { kind: 'partner'; name: string; change: 'status'; from: string; to: string; act: AdhesionAct | null }
  | { kind: 'invitation'; code?: string; partner?: string; id?: number; change: 'issued' | 'revoked' }
  | { kind: 'editLink'; change: 'rotated' }
  | { kind: 'service'; code: string; change: 'added' | 'removed' }
  | { kind: 'service'; code: string; change: 'cost'; from: { annualCostCents: number; chargedCents: number | null }; to: { annualCostCents: number; chargedCents: number | null } };

const FIELDS = ['name', 'description', 'status', 'ruleSet', 'runningCostCents', 'contiguityException', 'constituted', 'legalForm', 'phase'] as const;

/** Statuses as stored before adhesions existed ("joined" is what a founder declared). */
const normalStatus = (status: string) => (status === 'joined' ? 'adhered' : status);

/** A field as compared: absent and empty text are none, an absent constitution is not constituted. */
const fieldValue = (field: (typeof FIELDS)[number], value: unknown) => (field === 'constituted' ? value === true : value === undefined || value === '' ? null : value);

/** The state after an entry: its fields laid over the state before it. */
export function applyEntry(before: HistoryState, entry: HistoryState): HistoryState {
  return { ...before, ...entry };
}

/** The changes from `before` to `after`, fields first, then members, partners and services by key. */
export function allianceChanges(before: HistoryState, after: HistoryState): AllianceChange[] {
  const changes: AllianceChange[] = [];
  for (const field of FIELDS) {
    const from = fieldValue(field, before[field]);
    const to = fieldValue(field, after[field]);
    if (from !== to) changes.push({ kind: 'field', field, from, to });
  }
  const members = keyed(before.members, (m) => m.code);
  const nextMembers = keyed(after.members, (m) => m.code);
  for (const [code, m] of nextMembers) {
    const old = members.get(code);
    if (!old) {
      changes.push({ kind: 'member', code, change: 'added' });
      continue;
    }
    if (normalStatus(old.status) !== normalStatus(m.status)) {
      changes.push({ kind: 'member', code, change: 'status', from: normalStatus(old.status), to: normalStatus(m.status), act: m.act ?? null });
    }
    if (old.lead !== m.lead) changes.push({ kind: 'member', code, change: 'lead', from: old.lead, to: m.lead });
  }
  for (const code of members.keys()) if (!nextMembers.has(code)) changes.push({ kind: 'member', code, change: 'removed' });

  const partners = keyed(before.partners, (p) => p.name);
  const nextPartners = keyed(after.partners, (p) => p.name);
  for (const [name, p] of nextPartners) {
    const old = partners.get(name);
    if (!old) changes.push({ kind: 'partner', name, change: 'added' });
    else if ((old.status ?? 'proposed') !== (p.status ?? 'proposed')) {
      changes.push({ kind: 'partner', name, change: 'status', from: old.status ?? 'proposed', to: p.status ?? 'proposed', act: p.act ?? null });
    }
  }
  for (const name of partners.keys()) if (!nextPartners.has(name)) changes.push({ kind: 'partner', name, change: 'removed' });

  const services = keyed(before.services, (s) => s.code);
  const nextServices = keyed(after.services, (s) => s.code);
  for (const [code, s] of nextServices) {
    const old = services.get(code);
    if (!old) changes.push({ kind: 'service', code, change: 'added' });
    else if (old.annualCostCents !== s.annualCostCents || (old.chargedCents ?? null) !== (s.chargedCents ?? null)) {
      changes.push({
        kind: 'service',
        code,
        change: 'cost',
        from: { annualCostCents: old.annualCostCents, chargedCents: old.chargedCents ?? null },
        to: { annualCostCents: s.annualCostCents, chargedCents: s.chargedCents ?? null },
      });
    }
  }
  for (const code of services.keys()) if (!nextServices.has(code)) changes.push({ kind: 'service', code, change: 'removed' });
  return changes;
}

/** A list by key; absent (an entry that did not touch it) stays absent. */
function keyed<T>(items: readonly T[] | undefined, key: (item: T) => string): Map<string, T> {
  return new Map((items ?? []).map((item) => [key(item), item]));
}
