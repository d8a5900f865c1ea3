import type { Knex } from 'knex';
import { schema } from './001_schema';
import { associationOutlines } from './002_association_outlines';
import { alliances } from './003_alliances';
import { services } from './004_services';
import { adhesions } from './005_adhesions';
import { grantsAndKeys } from './006_grants_and_keys';
import { changeNotifications } from './007_change_notifications';
import { outlineGeojson } from './008_outline_geojson';
import { allianceListIndex } from './009_alliance_list_index';
import { moreChangeNotifications } from './010_more_change_notifications';
import { governance } from './011_governance';
import { allianceChanges } from './012_alliance_changes';
import { notifyOncePerTransaction } from './013_notify_once_per_transaction';

const migrations: Record<string, Knex.Migration> = {
  '001_schema': schema,
  '002_association_outlines': associationOutlines,
  '003_alliances': alliances,
  '004_services': services,
  '005_adhesions': adhesions,
  '006_grants_and_keys': grantsAndKeys,
  '007_change_notifications': changeNotifications,
  '008_outline_geojson': outlineGeojson,
  '009_alliance_list_index': allianceListIndex,
  '010_more_change_notifications': moreChangeNotifications,
  '011_governance': governance,
  '012_alliance_changes': allianceChanges,
  '013_notify_once_per_transaction': notifyOncePerTransaction,
};

/** Migrations are modules, listed here in order, so both engines run exactly the same ones. */
export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`Unknown migration ${name}`);
    return migration;
  },
};
