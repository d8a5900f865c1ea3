/**
 * An Alleanza Locale per l'Innovazione: members with a status, one lead body, other partners.
 * A founder proposes members; only each Comune (or body), by its own act, adheres, declines or
 * withdraws (principle 4: the small Comuni's decisive participation).
 */
export const MEMBER_STATUSES = ['proposed', 'adhered', 'declined', 'withdrawn'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Participating bodies that are not territories (principle 1: open to larger bodies). */
export const PARTNER_KINDS = ['comune', 'unione', 'comunita_montana', 'provincia', 'regione', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const ALLIANCE_STATUSES = ['draft', 'published'] as const;
export type AllianceStatus = (typeof ALLIANCE_STATUSES)[number];

export const ALLIANCE_LIMITS = {
  name: 120,
  description: 2000,
  members: 2000,
  partners: 50,
  role: 80,
} as const;

/** How a participating body's name is compared (any case, any Unicode form): one key, everywhere. */
export const partnerKey = (name: string): string => name.normalize('NFKC').toLocaleLowerCase('it');

export interface AlliancePartnerInput {
  kind: PartnerKind;
  name: string;
  role?: string | null;
}

/** The proposed territory: members proposed or adhered (declined and withdrawn ones stay on record only). */
export function territoryMembers(members: readonly { code: string; status: MemberStatus }[]): string[] {
  return members.filter((m) => m.status === 'proposed' || m.status === 'adhered').map((m) => m.code);
}

/** The constituted territory: the members whose own act adhered to the alliance. */
export function constitutedMembers(members: readonly { code: string; status: MemberStatus }[]): string[] {
  return members.filter((m) => m.status === 'adhered').map((m) => m.code);
}

/** Who delivers a service of the alliance: the alliance itself, its lead body, a member Comune or a partner. */
export interface ServiceProvider {
  kind: 'alliance' | 'lead' | 'member' | 'partner';
  /** The member's ISTAT code, or the partner's name; null for the alliance and the lead body. */
  ref?: string | null;
}

/** A service the alliance provides (principle 3), with its cost and how members share it (principle 6). */
export interface AllianceServiceInput {
  code: string;
  provider: ServiceProvider;
  /** ISO date (YYYY-MM-DD) from which it is provided. */
  since?: string | null;
  /** What the service costs each year, in cents. */
  annualCostCents: number;
  /** What members are charged for it each year, in cents; null = its cost (grants may cover the rest). */
  chargedCents?: number | null;
  /** Fraction of the charge split in equal shares; the rest is split per resident. */
  equalShare: number;
  /** Members receiving it; null = every member of the territory. */
  recipients?: string[] | null;
  /** Who else pays for it each year (a Region, a PNRR measure, a foundation), in cents. */
  grants?: Grant[] | null;
}

/** A yearly contribution to a service from outside the alliance. */
export interface Grant {
  source: string;
  amountCents: number;
}

export const GRANT_LIMITS = { grants: 10, source: 120 } as const;

/** What a service's grants add up to, in cents. */
export const grantsTotal = (service: Pick<AllianceServiceInput, 'grants'>): number => (service.grants ?? []).reduce((sum, g) => sum + g.amountCents, 0);

export const SERVICE_LIMITS = { services: 100, costCents: 100_000_000_000 } as const;

/** What an alliance says, as a save would store it (members in any order). */
export interface AllianceContent {
  name: string;
  description: string;
  status: AllianceStatus;
  ruleSet?: string | undefined;
  members: readonly { code: string; status: MemberStatus; lead: boolean }[];
  partners: readonly { kind: PartnerKind; name: string; role?: string | null | undefined }[];
  services: readonly AllianceServiceInput[];
  runningCostCents: number;
}

/** One text per content: members by code, each object's keys sorted, an absent field the same as null. */
function canonical(content: AllianceContent): string {
  const members = [...content.members].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return JSON.stringify({ ...content, members }, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    // A field set to null says what its absence says (JSON.stringify drops undefined ones itself).
    const present = Object.entries(value).filter(([, v]) => v !== null);
    return Object.fromEntries(present.sort(([a], [b]) => (a < b ? -1 : 1)));
  });
}

/** True when a change would store exactly what is already stored (a save that changes nothing). */
export function sameAllianceContent(a: AllianceContent, b: AllianceContent): boolean {
  return canonical(a) === canonical(b);
}
