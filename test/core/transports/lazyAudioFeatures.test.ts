import { build } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const LAZY = [
  'src/core/transports/audio/audioFeatures.ts',
  'src/core/transports/audio/createAudioLevelMeters.ts',
  'src/core/transports/audio/createMicrophoneSwitcher.ts',
  'src/core/transports/audio/resumeOnGesture.ts',
  // Only the meters use the curve: a page that reaches it through a barrel must not load it.
  'src/core/transport/audioLevelCurve.ts',
];

/** The bytes each source file puts in the chunk a page loads first, as an app's bundler splits it. */
async function firstChunkOf(page: string) {
  const result = await build({
    stdin: { contents: page, resolveDir: ROOT, loader: 'ts', sourcefile: 'page.ts' },
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: 'out',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: ['react', 'react/*', 'react-dom', 'react-dom/*'],
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined);
  if (!entry) throw new Error('no entry chunk');
  // What loads with the page: the entry chunk and the chunks it imports statically (a module
  // shared with a lazy chunk lands in a chunk of its own that the entry imports).
  const initial = new Set<string>();
  const visit = (path: string) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  const bytes = (paths: Iterable<string>, file: string) => {
    let sum = 0;
    for (const path of paths) sum += outputs[path]?.inputs[file]?.bytesInOutput ?? 0;
    return sum;
  };
  return {
    first: (file: string) => bytes(initial, file),
    anywhere: (file: string) => bytes(Object.keys(outputs), file),
  };
}

describe('the transports load level meters and microphone switching on first use', () => {
  it('keeps them out of the idle page (a transport, no visualizer, no picker), in a chunk of their own', async () => {
    const page = await firstChunkOf(
      "export { RealtimeProvider, useIdleTimeout, IdleBanner, createOpenAIWebRTCTransport, createOpenAIWebSocketTransport } from './src/index.ts';",
    );
    for (const file of LAZY) {
      expect(page.first(file), file).toBe(0);
      expect(page.anywhere(file), file).toBeGreaterThan(0);
    }
  });
});
