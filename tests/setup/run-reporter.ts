import type { Reporter, TestModule, Vitest } from 'vitest/node';

/**
 * Says what a run did that the default reporter leaves in the noise: the shuffle seed (to repeat
 * an order with TEST_SEED) and, at the end, every skipped test with its reason (its name says why).
 */
export default class RunReporter implements Reporter {
  private seed: number | undefined;

  onInit(vitest: Vitest): void {
    const { sequence } = vitest.config;
    this.seed = sequence.shuffle ? sequence.seed : undefined;
    if (this.seed !== undefined) console.log(`Tests in random order, seed ${this.seed} (repeat with TEST_SEED=${this.seed} npm test)`);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules.flatMap((m) => [...m.children.allTests('skipped')].map((t) => `  - ${m.moduleId.replace(/^.*\/tests\//, 'tests/')}: ${t.fullName}`));
    if (skipped.length > 0) console.log(`\nSkipped (${skipped.length}):\n${skipped.join('\n')}`);
    if (this.seed !== undefined) console.log(`Seed: ${this.seed}`);
  }
}
