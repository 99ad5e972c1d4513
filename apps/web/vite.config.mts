import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, '../../dist/web');

/**
 * Prints what the browser downloads before the first screen: the entry chunk and every
 * chunk it imports statically, gzipped. Routes are split, so this stays small.
 */
function initialSize(): Plugin {
  return {
    name: 'initial-size',
    apply: 'build',
    writeBundle(_options, bundle) {
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      if (!entry || entry.type !== 'chunk') return;
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const chunk = bundle[file];
        if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
      };
      visit(entry.fileName);
      let gzip = 0;
      for (const file of seen) gzip += gzipSync(readFileSync(resolve(outDir, file))).length;
      const css = Object.keys(bundle).filter((f) => f.endsWith('.css'));
      // eslint-disable-next-line no-console -- the build's one line of output
      console.log(
        `Initial JavaScript: ${(gzip / 1024).toFixed(1)} KB gzip in ${seen.size} files` +
          (css.length ? ` (+ ${css.length} CSS files)` : ''),
      );
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  publicDir: resolve(here, 'public'),
  plugins: [initialSize()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Ant Design marks its modules "use client" (for server components); meaningless here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    // The API (npm start) answers /api; the browser sees one origin, as in production.
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' },
  },
});
