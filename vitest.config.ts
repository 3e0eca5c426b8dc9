import { defineConfig } from 'vitest/config';

// Unit, integration and API tests. The browser tests have their own config in e2e/.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'contract/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts'],
    environment: 'node',
    // One migrated embedded database, copied for each test file (server/testing/).
    globalSetup: ['server/testing/database-template.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Each file boots its own PostgreSQL (WASM or a throwaway database); two at a time suits two cores.
    maxWorkers: 2,
  },
});
