import { defineConfig } from 'drizzle-kit';

// Every table lives in a `*.table.ts` file beside the code that owns it.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/platform/**/*.table.ts', './server/modules/**/*.table.ts'],
  out: './server/migrations',
  casing: undefined,
});
