import { defineConfig } from 'vitest/config';

/** The pure domain tests alone, for mutation testing (`npm run test:mutation`, StrykerJS). */
export default defineConfig({
  test: {
    include: ['tests/domain/**/*.test.ts'],
    expect: { requireAssertions: true },
  },
});
