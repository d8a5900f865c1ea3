import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSOCIATION_KINDS } from '../../domain/associations';
import { DEFAULT_SERVICES } from '../../domain/services';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * Only a new migration may change the schema: the schema after all migrations (tables, columns,
 * constraints, indexes, triggers, functions of the public schema; normalised) must equal the committed
 * snapshot, on both engines. After writing a migration, refresh it with UPDATE_SCHEMA_SNAPSHOT=1.
 */
const SNAPSHOT = path.join(import.meta.dirname, '..', 'fixtures', 'schema-snapshot.txt');
const MIGRATIONS = path.join(import.meta.dirname, '..', '..', 'infra', 'db', 'migrations');

/** PostGIS's own tables and views, and knex's bookkeeping, are not ours. */
const NOT_OURS = `('spatial_ref_sys', 'geography_columns', 'geometry_columns', 'knex_migrations', 'knex_migrations_lock')`;

async function schemaOf(knex: Knex): Promise<string> {
  const rows = async (sql: string) => (await knex.raw<{ rows: { line: string }[] }>(sql)).rows.map((r) => r.line);
  const lines = [
    ...(await rows(`SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
                      || coalesce(' default ' || column_default, '') AS line
                    FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT IN ${NOT_OURS}`)),
    ...(await rows(`SELECT 'constraint ' || t.relname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
                    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                    WHERE n.nspname = 'public' AND t.relname NOT IN ${NOT_OURS} AND c.contype <> 'n'`)),
    ...(await rows(`SELECT 'index ' || indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN ${NOT_OURS}`)),
    ...(await rows(`SELECT 'trigger ' || pg_get_triggerdef(tg.oid) AS line
                    FROM pg_trigger tg JOIN pg_class t ON t.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                    WHERE n.nspname = 'public' AND NOT tg.tgisinternal`)),
    ...(await rows(`SELECT 'function ' || p.proname || '(' || pg_get_function_arguments(p.oid) || ') ' || pg_get_function_result(p.oid) AS line
                    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = 'public' AND p.proname LIKE 'ali\\_%'`)),
  ];
  // Normalised: one space for any run of white space; sorted, so that catalogue order does not matter.
  // (NOT NULL is read from the columns: the embedded engine, on PostgreSQL 18's catalogue, also lists it as constraints.)
  return `${lines.map((l) => l.replace(/\s+/g, ' ').trim()).sort().join('\n')}\n`;
}

describe('the schema', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase({ shared: true });
  });
  afterAll(async () => test?.dispose());

  it('after all migrations equals the committed snapshot (only a new migration changes it)', async () => {
    const schema = await schemaOf(test.db.knex);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, schema);
    expect(schema).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
  });

  it("holds today's association kinds and default catalogue (changing either takes a migration)", async () => {
    const check = (await test.db.knex.raw<{ rows: { def: string }[] }>(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
       WHERE t.relname = 'associations' AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%kind%'`,
    )).rows.map((r) => r.def).join(' ');
    for (const kind of ASSOCIATION_KINDS) expect(check).toContain(`'${kind}'`);
    expect(check.match(/'[a-z_]+'::text/g)).toHaveLength(ASSOCIATION_KINDS.length);
    const seeded = (await test.db.knex.raw<{ rows: { snapshot: unknown }[] }>(
      `SELECT h.snapshot FROM service_history h WHERE h.action = 'created' ORDER BY h.id LIMIT ?`,
      [DEFAULT_SERVICES.length],
    )).rows.map((r) => r.snapshot);
    expect(seeded).toEqual(DEFAULT_SERVICES);
  });
});

describe('migrations', () => {
  it('are self-contained: no migration imports project code (only knex types)', () => {
    const files = fs.readdirSync(MIGRATIONS).filter((f) => /^\d{3}_.+\.ts$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const imports = fs.readFileSync(path.join(MIGRATIONS, file), 'utf8').match(/^import .+$/gm) ?? [];
      expect(imports, file).toEqual(["import type { Knex } from 'knex';"]);
    }
  });
});
