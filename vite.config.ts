import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
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

// Library build: one ESM file per public entry point; peers and runtime deps stay external
// so the app's bundler can dedupe and tree-shake them. Types come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  plugins: [react(), copyStyles()],
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: entry('src/index.ts'),
        core: entry('src/core/index.ts'),
        testing: entry('src/testing/index.ts'),
        server: entry('src/server/index.ts'),
        'testing/emulator': entry('src/testing/emulator/index.ts'),
        'testing/react': entry('src/testing/react.ts'),
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: (id) =>
        /^(react|react-dom|zod|@tanstack\/react-virtual|@testing-library\/[^/]+|ws|werift|opusscript)(\/|$)/.test(id) || id.startsWith('node:'),
    },
  },
});
