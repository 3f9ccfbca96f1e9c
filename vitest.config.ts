import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Starts a throwaway PostgreSQL 15 cluster for packages/registry/test/postgres.test.ts.
    globalSetup: ['packages/registry/test/postgresGlobalSetup.ts'],
  },
});
