import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = import.meta.dirname;

export default defineConfig(({ isSsrBuild }) => ({
  root: path.join(repoRoot, 'web'),
  plugins: [react()],
  build: isSsrBuild
    ? {
        // The server's build of the app (`vite build --ssr`): entry-server.tsx, which draws pages on
        // the server (decision 0020), for Node.js.
        outDir: path.join(repoRoot, 'dist/web-server'),
        emptyOutDir: true,
        target: 'node20',
        rolldownOptions: { input: path.join(repoRoot, 'web/src/entry-server.tsx') },
      }
    : {
        outDir: path.join(repoRoot, 'dist/web'),
        emptyOutDir: true,
        // One stylesheet for every page: a page drawn on the server needs the styles of all its
        // parts before it shows, and the pages' own styles are a few KB beside the library's.
        cssCodeSplit: false,
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
  // The server's build carries its packages inside it, built for production (React's server
  // renderer in its production form whatever NODE_ENV the server runs with).
  ssr: { noExternal: true },
  ...(isSsrBuild ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  server: {
    // The web imports the API contract from outside its own folder.
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://localhost:3000' },
  },
}));
