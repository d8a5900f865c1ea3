import type { Knex } from 'knex';

/**
 * Self-governed alliances: members (and participating bodies) adhere, decline or withdraw by their
 * own act through a secret invitation; the history says who did what.
 */
const up = [
  `ALTER TABLE alliance_members DROP CONSTRAINT alliance_members_status_check`,
  // What founders declared as "joined" before adhesions existed: kept as adhered, with no act on record.
  `UPDATE alliance_members SET status = 'adhered' WHERE status = 'joined'`,
  `ALTER TABLE alliance_members ADD CONSTRAINT alliance_members_status_check CHECK (status IN ('proposed', 'adhered', 'declined', 'withdrawn'))`,
  `ALTER TABLE alliance_members ADD COLUMN act jsonb`,
  `ALTER TABLE alliance_partners ADD COLUMN status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'adhered', 'declined', 'withdrawn'))`,
  `ALTER TABLE alliance_partners ADD COLUMN act jsonb`,
  `ALTER TABLE alliance_history DROP CONSTRAINT alliance_history_action_check`,
  `ALTER TABLE alliance_history ADD CONSTRAINT alliance_history_action_check
     CHECK (action IN ('created', 'updated', 'deleted', 'adhesion', 'exception', 'token_rotated', 'invitation_revoked'))`,
  `ALTER TABLE alliance_history ADD COLUMN actor jsonb NOT NULL DEFAULT '{"kind": "founder"}'`,
  // Contiguity exceptions were the only entries an administrator wrote, and the only partial ones.
  `UPDATE alliance_history SET actor = '{"kind": "administrator"}', action = 'exception'
     WHERE snapshot -> 'contiguityException' IS NOT NULL AND snapshot -> 'members' IS NULL`,
  `CREATE TABLE alliance_invitations (
     id serial PRIMARY KEY,
     alliance_id integer NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
     comune_code text CHECK (comune_code ~ '^[0-9]{6}$'),
     partner_name text,
     token_hash text NOT NULL UNIQUE,
     created_at timestamptz NOT NULL DEFAULT now(),
     revoked_at timestamptz,
     revoked_by text CHECK (revoked_by IN ('founder', 'administrator', 'removed')),
     CHECK ((comune_code IS NULL) <> (partner_name IS NULL))
   )`,
  // At most one live link per member or body.
  `CREATE UNIQUE INDEX alliance_invitations_live ON alliance_invitations (alliance_id, coalesce(comune_code, lower(partner_name))) WHERE revoked_at IS NULL`,
];

export const adhesions: Knex.Migration = {
  up: async (knex) => {
    for (const sql of up) await knex.raw(sql);
  },
  down: async (knex) => {
    await knex.raw(`DROP TABLE alliance_invitations`);
    await knex.raw(`ALTER TABLE alliance_history DROP COLUMN actor`);
    await knex.raw(`ALTER TABLE alliance_partners DROP COLUMN act, DROP COLUMN status`);
    await knex.raw(`ALTER TABLE alliance_members DROP COLUMN act`);
  },
};
