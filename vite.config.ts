import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Library build: one ESM file per public entry point; peers and runtime deps stay external
// so the app's bundler can dedupe and tree-shake them. Types come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  plugins: [react()],
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
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: (id) =>
        /^(react|react-dom|zod|@tanstack\/react-virtual|ws|werift|opusscript)(\/|$)/.test(id) || id.startsWith('node:'),
    },
  },
});
