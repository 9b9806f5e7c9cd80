import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    // Opening an embedded database takes seconds, and on a loaded two-core CI machine (browser, PostgreSQL
    // and the crash test's processes all running) much longer than vitest's default 10 s.
    hookTimeout: 60_000,
    pool: 'threads',
  },
});
