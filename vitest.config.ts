import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    // A timeout is not an assertion: on a loaded 2-core machine a jsdom render of a few hundred
    // transcript rows can take longer than vitest's 5 s default, and a test cut short leaves its
    // fakes installed under the next one. Raising it makes no failing assertion pass.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/*.test.ts', 'test/core/**/*.test.ts', 'test/testing/**/*.test.ts', 'test/emulator/**/*.test.ts', 'test/server/**/*.test.ts', 'test/agents/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}'],
        },
      },
      {
        // The React tests again, on React 18 (the `react-18`/`react-dom-18` npm aliases).
        extends: true,
        resolve: {
          alias: [
            { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-18$1' },
            { find: /^react(\/.*)?$/, replacement: 'react-18$1' },
          ],
        },
        test: {
          name: 'react18',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}'],
          env: { REACT_REALTIME_KIT_REACT: '18' },
          setupFiles: ['test/react/setup/react18.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.{ts,tsx}'] },
        },
      },
    ],
  },
});
