import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Chunks loaded on demand that the first view needs at once (the map): the page preloads them, and
 * every chunk they import, beside the main bundle (`<link rel="modulepreload">`), so that they
 * travel while the main bundle runs instead of after it.
 */
const FIRST_VIEW_CHUNKS = ['client/map/AtlasMap.tsx'];

function preloadFirstView(): Plugin {
  let base = '/';
  return {
    name: 'ali-preload-first-view',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return [];
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        // What the entry loads anyway (its static imports) is preloaded by Vite already.
        const loaded = new Set<string>();
        const walk = (file: string, into: Set<string>) => {
          if (into.has(file)) return;
          into.add(file);
          for (const next of byName.get(file)?.imports ?? []) walk(next, into);
        };
        walk(entry.fileName, loaded);
        const wanted = new Set<string>();
        for (const id of FIRST_VIEW_CHUNKS) {
          const chunk = chunks.find((c) => c.isDynamicEntry && c.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${id}`));
          if (!chunk) throw new Error(`preloadFirstView: no chunk for ${id}`);
          walk(chunk.fileName, wanted);
        }
        return [...wanted]
          .filter((file) => !loaded.has(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [react(), preloadFirstView()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/tiles': 'http://localhost:3000' },
  },
});
