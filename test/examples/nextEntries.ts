import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { checkVoicePage, type RecordCheck } from './checkVoicePage.ts';
import { runCommand, type CommandResult } from './runCommand.ts';

/** The entries the fixture's Server Component imports as plain modules, each with its export count. */
const SERVER_ENTRIES = ['core', 'advanced', 'testing', 'agents', 'server'];

/**
 * Adds stream C's fixture (test/examples/next-entries/app: app/entries, a Server Component that
 * imports every browser entry of the kit) to the copy of the Next example, before it builds.
 * Nothing of the example is replaced. See test/examples/next-entries/README.md.
 *
 * @example
 * ```ts
 * addNextEntriesFixture(join(ROOT, 'test/examples/next-entries'), app);
 * ```
 */
export function addNextEntriesFixture(fixture: string, app: string): void {
  cpSync(join(fixture, 'app'), join(app, 'app'), { recursive: true });
}

/**
 * The optional peers the fixture's imports need and the example does not install
 * ('react-realtime-kit/testing/react' needs Testing Library): the fixture's dependencies.json,
 * installed without touching the example's package.json or lockfile. Run after `npm ci`.
 *
 * @example
 * ```ts
 * const added = await installNextEntriesPeers(join(ROOT, 'test/examples/next-entries'), app, env);
 * ```
 */
export function installNextEntriesPeers(fixture: string, app: string, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const peers = JSON.parse(readFileSync(join(fixture, 'dependencies.json'), 'utf8')) as Record<string, string>;
  const specs = Object.entries(peers).map(([name, version]) => `${name}@${version}`);
  return runCommand('npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs], { cwd: app, env, timeoutMs: 15 * 60_000 });
}

/**
 * The built /entries page: the Server Component listed every entry it imported (a real module
 * with exports, `testing/react` a client reference), the client part hydrated with every
 * entry it imports, and the kit's components it rendered play the demo.
 *
 * @example
 * ```ts
 * await checkNextEntriesPage(page, server.url, record);
 * ```
 */
export async function checkNextEntriesPage(page: Page, baseUrl: string, record: RecordCheck): Promise<void> {
  const played = await checkVoicePage(page, new URL('entries', baseUrl).href, record, 'next /entries');
  if (!played) return;
  const listed = await page.getByRole('list', { name: 'Entries imported on the server' }).getByRole('listitem').allInnerTexts();
  const missing = [
    ...SERVER_ENTRIES.filter((entry) => !listed.some((text) => new RegExp(`^react-realtime-kit/${entry}: [1-9]\\d* exports$`).test(text.trim()))),
    ...(listed.some((text) => text.trim() === 'react-realtime-kit/testing/react: function') ? [] : ['testing/react']),
  ];
  record('next /entries: the Server Component imported every entry', missing.length === 0, missing.length ? `missing or empty: ${missing.join(', ')} (listed: ${listed.join(' | ')})` : listed.join(' | '));
  const clientEntries = await page.getByRole('region', { name: 'Demo' }).getAttribute('data-client-entries');
  record('next /entries: the client component has /agents, /advanced and /core', clientEntries === 'all', `data-client-entries=${clientEntries}`);
}
