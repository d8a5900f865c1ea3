import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    globalSetup: ['tests/setup/global-setup.ts'],
    pool: 'forks',
    // Each database-backed file opens its own copy of the template (~1 GB for the embedded engine).
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    expect: {
      // A test that asserts nothing fails.
      requireAssertions: true,
      // The browser and the server share two cores: UI changes may take seconds, not the default 1 s.
      poll: { timeout: 15_000, interval: 100 },
    },
  },
});
