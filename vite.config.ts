import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `react-realtime-kit/styles.css` is a plain stylesheet no module imports: emit it as is into
// dist/ so the export exists and the JS stays free of CSS side effects.
const copyStyles = (): Plugin => ({
  name: 'react-realtime-kit:copy-styles',
  apply: 'build',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync(entry('src/styles.css'), 'utf8') });
  },
});

// The microphone worklet ships as its own file, dist/micCaptureProcessor.js, because a strict
// Content-Security-Policy refuses blob: and data: scripts. The kit refers to it as
// `new URL('./micCaptureProcessor.js?no-inline', import.meta.url)`, which the app's bundler
// (Vite, webpack, Next) resolves and emits. Vite's library mode would inline it as a data: URL
// instead, so the reference is hidden from it during the build and restored, relative to the
// chunk it lands in, in the output.
const WORKLET_FILE = 'micCaptureProcessor.js';
const workletReference = /new URL\((['"])\.\/micCaptureProcessor\.js\?no-inline\1,\s*import\.meta\.url\)/;
const hiddenWorkletReference = /\/\* @vite-ignore \*\/\s*(['"])\.\/micCaptureProcessor\.js\?no-inline\1/g;
const shipMicCaptureWorklet = (): Plugin => {
  let referenced = false;
  return {
    name: 'react-realtime-kit:mic-capture-worklet',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/micCaptureWorklet.ts')) return null;
      if (!workletReference.test(code)) this.error(`micCaptureWorklet.ts no longer refers to ${WORKLET_FILE} as this plugin expects`);
      const hidden = code.replace(workletReference, `new URL(/* @vite-ignore */ './${WORKLET_FILE}?no-inline', import.meta.url)`);
      return { code: hidden, map: null };
    },
    renderChunk(code, chunk) {
      if (!code.includes(`${WORKLET_FILE}?no-inline`)) return null;
      const toRoot = posix.relative(posix.dirname(chunk.fileName), '') || '.';
      const restored = code.replace(hiddenWorkletReference, () => `'${toRoot}/${WORKLET_FILE}?no-inline'`);
      if (restored === code) this.error(`${chunk.fileName} refers to ${WORKLET_FILE} in a form this plugin does not restore`);
      referenced = true;
      return { code: restored, map: null };
    },
    generateBundle() {
      if (!referenced) return;
      this.emitFile({
        type: 'asset',
        fileName: WORKLET_FILE,
        source: readFileSync(entry(`src/core/transports/audio/${WORKLET_FILE}`), 'utf8'),
      });
    },
  };
};

// The entries that hold React components and hooks start with 'use client', so a Next.js Server
// Component can import them (it gets client references) instead of failing on createContext.
// The framework-free entries (core, advanced, server, testing, emulator, agents) stay usable on
// the server. Rollup drops module-level directives from sources, so it is added to the output.
const CLIENT_ENTRIES = new Set(['index', 'testing/react']);
const clientEntryDirective = (chunk: { isEntry: boolean; name: string }): string =>
  chunk.isEntry && CLIENT_ENTRIES.has(chunk.name) ? "'use client';" : '';

// Library build: one ESM file per public entry point; peers and runtime deps stay external
// so the app's bundler can dedupe and tree-shake them. Types come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  plugins: [react(), copyStyles(), shipMicCaptureWorklet()],
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: entry('src/index.ts'),
        core: entry('src/core/index.ts'),
        advanced: entry('src/advanced.ts'),
        testing: entry('src/testing/index.ts'),
        server: entry('src/server/index.ts'),
        emulator: entry('src/emulator/index.ts'),
        'testing/react': entry('src/testing/react.ts'),
        agents: entry('src/agents/index.ts'),
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: (id) =>
        /^(react|react-dom|zod|@testing-library\/[^/]+|@openai\/agents-realtime|ws|werift|opusscript)(\/|$)/.test(id) ||
        id.startsWith('node:'),
      output: { banner: clientEntryDirective },
    },
  },
});
