import type { AllianceReason } from '../../domain/alliance-checks';
import type { InvitedParty } from '../queries/invitations';

/**
 * Why a use case did not do what it was asked: plain data, no HTTP. The routes turn a refusal into
 * an answer in one place (http/refusals.ts).
 */
export type Refusal =
  | { reason: 'service_taken'; code: string }
  | { reason: 'no_service'; code: string }
  | { reason: 'token_changed' }
  | { reason: 'not_a_party'; party: InvitedParty }
  | { reason: 'no_invitation'; id: number }
  | { reason: 'stale'; currentVersion: number }
  | { reason: 'invalid_link' }
  | { reason: 'alliance_deleted'; id: number }
  | { reason: 'party_removed' }
  | { reason: 'busy' }
  | { reason: 'invalid_alliance'; reasons: AllianceReason[] }
  | { reason: 'unknown_convenzione_version'; version: number };

/** What a use case gives back: its result, or why not. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export const done = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refused = <T = never>(refusal: Refusal): Outcome<T> => ({ ok: false, refusal });
