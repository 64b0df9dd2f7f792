import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * Renderer: ship pdf.js's cmaps/, standard_fonts/, wasm/ and iccs/ under pdfjs/ — emitted into the
 * build output, served from node_modules in dev. The viewer points cMapUrl etc. at them.
 */
function pdfjsAssets(): Plugin {
  const root = resolve(__dirname, 'node_modules/pdfjs-dist');
  const dirs = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];
  return {
    name: 'fashen-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const rel = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\/+/, '');
        const file = resolve(root, rel);
        if (!dirs.includes(rel.split('/')[0] ?? '') || !file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const dir of dirs) {
        for (const name of readdirSync(join(root, dir))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${name}`, source: readFileSync(join(root, dir, name)) });
        }
      }
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // drizzle-orm bundled: resolving its ES module files at run time re-parses its large package.json each time (scripts/build-node.mjs).
      externalizeDeps: { exclude: ['drizzle-orm'] },
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/app/main.ts') },
        external: ['better-sqlite3-multiple-ciphers', 'electron', 'electron-updater', '@napi-rs/canvas'],
      },
    },
  },
  preload: {
    build: {
      // The preload runs sandboxed (sandbox: true), where require() knows only 'electron' and a few
      // built-ins: its dependencies (zod, for the contract) must be bundled, not left external.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), pdfjsAssets()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Served from the local disk / loopback: one ~1.5 MB antd+React chunk is fine; pdf.js is split off.
      chunkSizeWarningLimit: 1600,
      // electron-vite leaves the renderer unminified; minified, the main chunk is 1.5 MB instead of
      // 3.2 MB and the queue's first paint ~15 % sooner (parse and compile). Hidden source maps (not
      // referenced from the bundle) keep a reported stack traceable to the source.
      minify: true,
      sourcemap: 'hidden',
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
});
