import type { StorybookConfig } from '@storybook/react-vite';

/**
 * Storybook runs fully offline: no telemetry, no update check (`--no-version-updates` in
 * `npm start`), no "what's new" fetches. Stories play scripted sessions on the mock transport.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Props tables from the TypeScript types, inherited props included (labels, open, ...), but
  // not the hundreds of DOM attributes from @types/react.
  typescript: {
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      propFilter: (prop) => !prop.parent || !prop.parent.fileName.includes('node_modules'),
    },
  },
  // The project's vite.config.ts is the library build: its `lib` mode and externals (react,
  // zod, ...) would leave bare imports in a page that must run on its own.
  viteFinal: (viteConfig) => {
    if (viteConfig.build) {
      delete viteConfig.build.lib;
      viteConfig.build.sourcemap = false;
      if (viteConfig.build.rollupOptions) delete viteConfig.build.rollupOptions.external;
      const rolldown = (viteConfig.build as { rolldownOptions?: { external?: unknown } }).rolldownOptions;
      if (rolldown) delete rolldown.external;
    }
    return viteConfig;
  },
};

export default config;
