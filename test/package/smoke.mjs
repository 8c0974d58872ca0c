// Imports every JS entry of the BUILT package through its own name (package.json `exports`),
// as Node resolves it for a user: catches a missing file or a broken export map.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = await import('react-realtime-kit');
const core = await import('react-realtime-kit/core');
const advanced = await import('react-realtime-kit/advanced');
const testing = await import('react-realtime-kit/testing');
const server = await import('react-realtime-kit/server');
const emulator = await import('react-realtime-kit/emulator');
const emulatorEarlierName = await import('react-realtime-kit/testing/emulator');
const agents = await import('react-realtime-kit/agents');

for (const name of ['RealtimeProvider', 'useIdleTimeout', 'IdleBanner', 'TranscriptView', 'createRealtimeSession']) {
  assert.ok(main[name], `react-realtime-kit exports ${name}`);
}
assert.equal(typeof core.parseServerEvent, 'function');
assert.equal('RealtimeProvider' in core, false, 'the core entry must not carry React code');

// The root is what an app uses: every core name, and none of the building blocks, each of which
// has one home, react-realtime-kit/advanced.
for (const name of Object.keys(core)) assert.ok(name in main, `react-realtime-kit exports core's ${name}`);
for (const name of Object.keys(advanced)) {
  assert.equal(name in main, false, `${name} is a building block: react-realtime-kit/advanced, not the root`);
  assert.equal(name in core, false, `${name} is a building block: react-realtime-kit/advanced, not core`);
}
for (const name of ['createStore', 'createPlaybackTimeline', 'createLinearResampler', 'subscribeOncePerFrame', 'parseClientEvent']) {
  assert.equal(typeof advanced[name], 'function', `react-realtime-kit/advanced exports ${name}`);
}
// The advanced entry is framework-free like core: no file it loads imports React.
for (const entry of ['react-realtime-kit/core', 'react-realtime-kit/advanced']) {
  assert.deepEqual(reactImportsOf(fileURLToPath(import.meta.resolve(entry))), [], `${entry} loads no React`);
}
assert.equal(typeof testing.createMockTransport, 'function');
assert.equal(typeof testing.createDemoSession, 'function');
assert.equal(typeof server.createClientSecret, 'function');
assert.equal(typeof emulator.createRealtimeEmulator, 'function');
assert.equal(emulatorEarlierName.createRealtimeEmulator, emulator.createRealtimeEmulator, 'the earlier emulator path is the same module');
assert.equal(typeof agents.createAgentsRealtimeTransport, 'function');
// @openai/agents-realtime is an optional peer of the agents entry: every entry, the agents entry
// included, loads for a user who has not installed it (a child Node whose resolver cannot find it).
{
  const hideSdk =
    'export async function resolve(specifier, context, next) {' +
    "  if (specifier.startsWith('@openai/agents')) throw Object.assign(new Error('not installed: ' + specifier), { code: 'ERR_MODULE_NOT_FOUND' });" +
    '  return next(specifier, context); }';
  const entries = ['react-realtime-kit', 'react-realtime-kit/core', 'react-realtime-kit/advanced', 'react-realtime-kit/testing', 'react-realtime-kit/server', 'react-realtime-kit/emulator', 'react-realtime-kit/agents'];
  const child = [
    "import { register } from 'node:module';",
    `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hideSdk)}));`,
    `for (const entry of ${JSON.stringify(entries)}) await import(entry);`,
    "const { createAgentsRealtimeTransport } = await import('react-realtime-kit/agents');",
    "if (typeof createAgentsRealtimeTransport !== 'function') throw new Error('no createAgentsRealtimeTransport');",
    // The hook works: the SDK itself cannot be imported in this child.
    "const hidden = await import('@openai/agents-realtime').then(() => false, () => true);",
    "if (!hidden) throw new Error('the SDK was not hidden');",
    "console.log('loaded without the SDK');",
  ].join('\n');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', child], { cwd: dirname(fileURLToPath(import.meta.url)), encoding: 'utf8' });
  assert.equal(run.status, 0, `every entry loads without @openai/agents-realtime installed:\n${run.stderr}`);
  assert.match(run.stdout, /loaded without the SDK/);
}

// The built core works end to end: a timeout event parses with every wire field kept.
const result = core.parseServerEvent(
  '{"type":"input_audio_buffer.timeout_triggered","event_id":"e1","audio_start_ms":13216,"audio_end_ms":19232,"item_id":"item_1"}',
);
assert.equal(result.ok, true);
assert.equal(result.event.audio_end_ms, 19232);
// The voice page renders on a server from the root entry, touching no window or navigator.
assert.equal(typeof globalThis.window, 'undefined');
const { createElement: h } = await import('react');
const { renderToString } = await import('react-dom/server');
const transport = main.createOpenAIWebSocketTransport({ getClientSecret: async () => 'ek_test' });
const html = renderToString(h(main.RealtimeProvider, { transport }, h(main.VoiceSessionView, { title: 'Travel assistant' })));
for (const name of ['rrk-voice-session', 'rrk-audio-visualizer', 'rrk-microphone-select']) {
  assert.ok(html.includes(`class="${name}`) || html.includes(` ${name}`), `VoiceSessionView renders ${name} on a server`);
  // The default theme styles every new component.
  assert.ok(readFileSync(fileURLToPath(import.meta.resolve('react-realtime-kit/styles.css')), 'utf8').includes(`.${name}`), `styles.css styles .${name}`);
}

// The lazily loaded chunks (the transports' meters and microphone switching) are files of the
// build, next to the module that imports them.
const dist = dirname(fileURLToPath(import.meta.resolve('react-realtime-kit')));
const lazy = [];
for (const file of readdirSync(dist).filter((name) => name.endsWith('.js'))) {
  for (const [, target] of readFileSync(resolve(dist, file), 'utf8').matchAll(/\bimport\(\s*["'](\.[^"']+)["']\s*\)/g)) {
    assert.ok(existsSync(resolve(dist, target)), `${file} loads ${target} lazily, and the build has it`);
    lazy.push(target);
  }
}
// ...and the meters' analysers load with one of them (in it, or in a chunk it imports).
const withImports = (file) => {
  const text = readFileSync(resolve(dist, file), 'utf8');
  return [text, ...[...text.matchAll(/\bfrom\s*["'](\.[^"']+)["']/g)].map(([, next]) => readFileSync(resolve(dist, next), 'utf8'))];
};
assert.ok(lazy.some((target) => withImports(target).some((text) => text.includes('createAnalyser'))), `the meters are lazy (${lazy.join(', ')})`);
console.log('package entries: 12 passed, 0 failed');

/** The files reachable from `file` by relative static imports that import react or react-dom. */
function reactImportsOf(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const found = [];
  const imports = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  for (const match of readFileSync(file, 'utf8').matchAll(imports)) {
    const specifier = match[1] ?? match[2];
    if (/^react(-dom)?(\/|$)/.test(specifier)) found.push(`${file} imports ${specifier}`);
    else if (specifier.startsWith('.')) found.push(...reactImportsOf(resolve(dirname(file), specifier), seen));
  }
  return found;
}
