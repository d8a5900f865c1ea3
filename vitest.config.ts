import { defineConfig } from 'vitest/config';

/** Pure tests: no database, no data import. */
const UNIT = ['tests/domain/**/*.test.ts', 'tests/client/**/*.test.{ts,tsx}', 'tests/server/**/*.test.ts'];

/** TEST_BROWSER=0 leaves out the tests with real clients, Chromium and GDAL (CI runs them once, on the embedded engine). */
const BROWSER = process.env.TEST_BROWSER === '0' ? ['tests/browser/**', 'tests/gis/**'] : [];

/** Files and tests run in random order; TEST_SEED repeats one. */
const seed = process.env.TEST_SEED ? Number(process.env.TEST_SEED) : Math.floor(Math.random() * 1e6);

export default defineConfig({
  test: {
    pool: 'forks',
    sequence: { shuffle: { files: true, tests: true }, seed },
    reporters: ['default', './tests/setup/run-reporter.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    expect: {
      // A test that asserts nothing fails.
      requireAssertions: true,
      // The browser and the server share two cores: UI changes may take seconds, not the default 1 s.
      poll: { timeout: 15_000, interval: 100 },
    },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: [...UNIT, ...BROWSER],
          globalSetup: ['tests/setup/global-setup.ts'],
          // One process per worker for all its files, so that they can share one copy of the embedded
          // database (see tests/helpers/test-database.ts): opening one costs ~8 s.
          isolate: false,
        },
      },
    ],
  },
});
