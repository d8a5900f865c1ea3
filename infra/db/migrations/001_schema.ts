import type { Knex } from 'knex';

/** The association kinds as they were when this migration was written (frozen: a new kind takes a new migration). */
const kinds = ['unione', 'comunita_montana', 'snai', 'sll', 'convenzione', 'ali', 'other'].map((kind) => `'${kind}'`).join(', ');

// One statement per entry: the embedded engine runs a single statement per query.
const up = [
  `CREATE EXTENSION IF NOT EXISTS postgis`,
  `CREATE TABLE regions (
     code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
     name text NOT NULL,
     geom geometry(MultiPolygon, 4326) NOT NULL
   )`,
  `CREATE TABLE provinces (
     code text PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
     name text NOT NULL,
     acronym text NOT NULL,
     region_code text NOT NULL REFERENCES regions (code),
     geom geometry(MultiPolygon, 4326) NOT NULL
   )`,
  `CREATE TABLE comuni (
     code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
     name text NOT NULL,
     name_search text NOT NULL,
     cadastral_code text,
     province_code text NOT NULL REFERENCES provinces (code),
     region_code text NOT NULL REFERENCES regions (code),
     population integer CHECK (population >= 0),
     population_year smallint,
     area_km2 double precision CHECK (area_km2 > 0),
     geodesic_area_km2 double precision NOT NULL,
     density_per_km2 double precision,
     inner_area_class char(1) CHECK (inner_area_class IN ('A', 'B', 'C', 'D', 'E', 'F')),
     travel_minutes_to_hub double precision,
     hub_code text,
     hub_name text,
     geom geometry(MultiPolygon, 4326) NOT NULL,
     label_point geometry(Point, 4326) NOT NULL
   )`,
  `CREATE INDEX comuni_geom_idx ON comuni USING gist (geom)`,
  `CREATE INDEX comuni_name_search_idx ON comuni (name_search text_pattern_ops)`,
  `CREATE INDEX comuni_cadastral_idx ON comuni (cadastral_code)`,
  `CREATE TABLE comune_adjacency (
     a text NOT NULL REFERENCES comuni (code) ON DELETE CASCADE,
     b text NOT NULL REFERENCES comuni (code) ON DELETE CASCADE,
     border_m double precision NOT NULL,
     kind text NOT NULL CHECK (kind IN ('border', 'corner')),
     PRIMARY KEY (a, b),
     CHECK (a < b)
   )`,
  `CREATE INDEX comune_adjacency_b_idx ON comune_adjacency (b)`,
  `CREATE TABLE associations (
     id serial PRIMARY KEY,
     kind text NOT NULL CHECK (kind IN (${kinds})),
     name text NOT NULL,
     source text NOT NULL,
     source_key text NOT NULL,
     period text,
     valid_from date,
     valid_to date,
     status text,
     UNIQUE (kind, source, source_key)
   )`,
  `CREATE TABLE association_members (
     association_id integer NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
     comune_code text NOT NULL REFERENCES comuni (code) ON DELETE CASCADE,
     role text,
     PRIMARY KEY (association_id, comune_code)
   )`,
  `CREATE INDEX association_members_comune_idx ON association_members (comune_code)`,
  `CREATE TABLE data_versions (
     id serial PRIMARY KEY,
     dataset text NOT NULL,
     imported_at timestamptz NOT NULL DEFAULT now(),
     summary jsonb NOT NULL
   )`,
];

const down = [
  'DROP TABLE data_versions',
  'DROP TABLE association_members',
  'DROP TABLE associations',
  'DROP TABLE comune_adjacency',
  'DROP TABLE comuni',
  'DROP TABLE provinces',
  'DROP TABLE regions',
];

async function run(knex: Knex, statements: string[]): Promise<void> {
  for (const sql of statements) await knex.raw(sql);
}

export const schema: Knex.Migration = {
  up: (knex) => run(knex, up),
  down: (knex) => run(knex, down),
};
