// Static Astro site: pages are rendered at build time from the snapshot; React islands hydrate later.
// HIRESCOPE_BUILD_CACHE gives each build its own cache folder, so concurrent builds (tests, a refresh
// beside a rebuild) never share one.
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';

const cache = process.env.HIRESCOPE_BUILD_CACHE;

export default defineConfig({
  output: 'static',
  integrations: [react()],
  server: { host: '127.0.0.1', port: 4321 },
  ...(cache ? { cacheDir: `${cache}/astro` } : {}),
  vite: cache ? { cacheDir: `${cache}/vite` } : {},
});
