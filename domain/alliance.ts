/** An Alleanza Locale per l'Innovazione: members with a status, one lead body, other partners. */
export const MEMBER_STATUSES = ['proposed', 'joined', 'withdrawn'] as const;
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

export interface AllianceMemberInput {
  code: string;
  status?: MemberStatus;
  lead?: boolean;
}

export interface AlliancePartnerInput {
  kind: PartnerKind;
  name: string;
  role?: string | null;
}

/** Members whose status counts for the territory (a withdrawn Comune is kept for the record only). */
export function territoryMembers(members: readonly { code: string; status: MemberStatus }[]): string[] {
  return members.filter((m) => m.status !== 'withdrawn').map((m) => m.code);
}
