import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/*
 * The web portal's build. No dev-only plugins: JSX through vite's own transform (React's
 * automatic runtime). In development, `npm run dev:web` serves on 5173 and sends /graphql and the
 * document links to the API on 4000.
 */
const api = process.env.FLEXPORTAL_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    // The budget that matters is the first screen's gzipped JavaScript, printed by scripts/web-build.mjs.
    chunkSizeWarningLimit: 800,
    assetsInlineLimit: 0, // everything from 'self': the CSP allows no inline data for scripts or styles
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/graphql': api, '/documents': api, '/uploads': api },
  },
});
