import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser tests: the real server in-process and Chromium through playwright-core. Each file has its
// own server (a free port, its own in-memory database) and its own Chromium, so two files run at once.
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
