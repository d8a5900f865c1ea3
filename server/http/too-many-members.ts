import { ALLIANCE_LIMITS } from '../../domain/alliance';
import { HttpError } from './errors';

/** 413 before parsing when a body lists more members than an alliance may have. */
export function rejectTooManyMembers(body: unknown): void {
  const members = (body as { members?: unknown } | null)?.members;
  if (Array.isArray(members) && members.length > ALLIANCE_LIMITS.members) {
    throw new HttpError(413, 'payload_too_large', `Al massimo ${ALLIANCE_LIMITS.members} comuni per alleanza / At most ${ALLIANCE_LIMITS.members} Comuni per alliance`);
  }
}
