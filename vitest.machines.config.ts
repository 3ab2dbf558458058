import { defineConfig } from 'vitest/config';

// The machines' own suite: pure, no database, no global setup (Stryker runs it for every mutant).
export default defineConfig({
  test: {
    include: ['test/machines/**/*.test.ts'],
    pool: 'threads',
    // Pure tests: no isolation needed; one file at a time keeps Stryker's two workers off each other's cores.
    isolate: false,
    fileParallelism: false,
  },
});
