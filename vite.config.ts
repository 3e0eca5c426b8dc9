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
    // Pages are split per route; the login page loads only the shell and its own chunk.
    chunkSizeWarningLimit: 600,
  },
  server: {
    // The web imports the API contract from outside its own folder.
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://localhost:3000' },
  },
});
