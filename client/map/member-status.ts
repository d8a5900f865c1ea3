import { MEMBER_STATUSES, type MemberStatus } from '../../domain/alliance';

/**
 * Members' statuses on the map and in legends (Okabe–Ito, safe for colour-blind readers, and apart
 * from the blue choropleths they are drawn over): adhered bluish green, proposed yellow, declined
 * vermilion, withdrawn grey.
 */
export const MEMBER_STATUS_COLOURS: Record<MemberStatus, string> = {
  proposed: '#F0E442',
  adhered: '#009E73',
  declined: '#D55E00',
  withdrawn: '#999999',
};

/** The feature-state value of a status (1-based; 0 = not a member shown by status). */
export const statusState = (status: MemberStatus) => MEMBER_STATUSES.indexOf(status) + 1;
