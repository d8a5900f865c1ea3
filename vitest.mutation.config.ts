import { defineConfig } from 'vitest/config';

/** The pure domain tests alone, for mutation testing (`npm run test:mutation`, StrykerJS). */
export default defineConfig({
  test: {
    include: ['tests/domain/**/*.test.ts'],
    // Reads the data pack from disk (seconds per run): the hand-made and property tests cover the same code.
    exclude: ['tests/domain/planner-pack.test.ts'],
    expect: { requireAssertions: true },
  },
});
