import type { Knex } from 'knex';

/**
 * Grants: who else pays for a service each year (a Region, a PNRR measure), as `[{ source, amountCents }]`.
 * Adhesion links of participating bodies are keyed by the name's comparison key (computed in
 * JavaScript, see partnerKey), in an index of their own: a body named like an ISTAT code no longer
 * collides with that member's link. A link the founder issues again enters the history (the public
 * sees who could have used it).
 */
const up = [
  `ALTER TABLE alliance_services ADD COLUMN grants jsonb`,
  `ALTER TABLE alliance_invitations ADD COLUMN partner_key text`,
  `UPDATE alliance_invitations SET partner_key = lower(partner_name) WHERE partner_name IS NOT NULL`,
  `ALTER TABLE alliance_invitations ADD CHECK ((partner_name IS NULL) = (partner_key IS NULL))`,
  `DROP INDEX alliance_invitations_live`,
  `CREATE UNIQUE INDEX alliance_invitations_live_member ON alliance_invitations (alliance_id, comune_code) WHERE revoked_at IS NULL AND comune_code IS NOT NULL`,
  `ALTER TABLE alliance_history DROP CONSTRAINT alliance_history_action_check`,
  `ALTER TABLE alliance_history ADD CONSTRAINT alliance_history_action_check
     CHECK (action IN ('created', 'updated', 'deleted', 'adhesion', 'exception', 'token_rotated', 'invitation_issued', 'invitation_revoked'))`,
  `CREATE UNIQUE INDEX alliance_invitations_live_partner ON alliance_invitations (alliance_id, partner_key) WHERE revoked_at IS NULL AND partner_key IS NOT NULL`,
];

export const grantsAndKeys: Knex.Migration = {
  up: async (knex) => {
    for (const sql of up) await knex.raw(sql);
  },
  down: async (knex) => {
    await knex.raw(`DROP INDEX alliance_invitations_live_partner`);
    await knex.raw(`DROP INDEX alliance_invitations_live_member`);
    await knex.raw(`ALTER TABLE alliance_invitations DROP COLUMN partner_key`);
    await knex.raw(`ALTER TABLE alliance_services DROP COLUMN grants`);
  },
};
