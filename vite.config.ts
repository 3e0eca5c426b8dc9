import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = import.meta.dirname;

export default defineConfig({
  root: path.join(repoRoot, 'web'),
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // Pages are split per route; the component library is one chunk of its own (below).
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The component library and what it is built on, in one file that every page shares.
            // Split by module as the pages use them, the inbox loaded 57 files and an order page 69,
            // and on a phone's HTTP/1.1 connections (six at a time) each file is a round trip; the
            // login page loads this one too, so the pages after it find it cached (decision 0019).
            {
              name: 'ui',
              test: /node_modules[\\/](@floating-ui|@tabler|@mantine[\\/](core|hooks))[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    // The web imports the API contract from outside its own folder.
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://localhost:3000' },
  },
});
