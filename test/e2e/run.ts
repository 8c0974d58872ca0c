/**
 * `npm run test:e2e`: builds test/e2e/app with Vite, starts the Realtime emulator, and drives
 * Debian's Chromium (fake microphone fed from a WAV written here) through each real transport:
 * user turn detected, assistant reply streamed into TranscriptView, audio played, IdleBanner
 * after the idle timeout, "I'm still here" resets it, a client tool call round trip (checkToolCall.ts),
 * disconnect releases everything.
 * Then the same app, built from the library's build output, on a page served with a strict
 * Content-Security-Policy (strictCsp.ts): both transports again, with no CSP violation.
 * Prints `N passed, M failed` and exits non-zero on failure.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { createRealtimeEmulator, type RealtimeEmulator } from '../../src/emulator/index.ts';
import { createClientSecret } from '../../src/server/index.ts';
import { CHROMIUM_PATH, launchChromium } from '../browser/launchChromium.ts';
import { buildStrictCspApp, runStrictCspTransport, strictContentSecurityPolicy } from './strictCsp.ts';
import { writeFakeMicrophoneWav } from './writeFakeMicrophoneWav.ts';
import { waitForStreamedReply } from './waitForStreamedReply.ts';
import { measureBargeIn, summarize } from './measureBargeIn.ts';
import { checkLevelsFollowMicrophone, checkLevelsFollowReply } from './checkLevels.ts';
import { checkMicrophoneSwitch } from './checkMicrophoneSwitch.ts';
import { checkInterruptCutsReply } from './checkInterrupt.ts';
import { checkToolCallRoundTrip, WEATHER_TOOL_CALL, type ReceivedClientEvent } from './checkToolCall.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const IDLE_MS = 5000;
/** Barge-in target: local playback silent this soon after `speech_started` (WebSocket). */
const BARGE_IN_TARGET_MS = 30;
const BARGE_IN_SAMPLES = 8;
const verbose = process.argv.includes('--verbose');

interface Result {
  name: string;
  ok: boolean;
  detail: string;
}
const results: Result[] = [];
const record = (name: string, ok: boolean, detail = '') => {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
};

async function main() {
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), 'rrk-e2e-'));
  const wav = join(work, 'fake-mic.wav');
  writeFakeMicrophoneWav(wav);

  const outDir = join(work, 'app');
  await build({
    root: join(here, 'app'),
    base: './',
    logLevel: 'warn',
    configFile: false,
    plugins: [react()],
    // Production code in which <Profiler onRender> still fires: the visualizer's commits are counted.
    resolve: { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] },
    build: { outDir, emptyOutDir: true, minify: false, target: 'es2022' },
  });
  const site = await serveStatic(outDir);
  const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/index.html`;
  const cspBuildCheck = 'strict CSP: the library build ships the worklet file and an app build resolves it';
  const cspBuild = await buildStrictCspApp(join(work, 'csp-app')).then(
    (built) => {
      record(cspBuildCheck, true, built.summary);
      return built;
    },
    (error: unknown) => {
      record(cspBuildCheck, false, error instanceof Error ? error.message : String(error));
      return null;
    },
  );

  // What the sessions received (the microphone's appends aside): the tool check reads it.
  const received: ReceivedClientEvent[] = [];
  const emulator = await createRealtimeEmulator({
    log: verbose ? (line) => console.log(`  [emulator] ${line}`) : undefined,
    toolCalls: [WEATHER_TOOL_CALL],
    onClientEvent: (event, connection) => {
      if (event.type !== 'input_audio_buffer.append') received.push({ event, connection });
    },
  });
  const cspSite = cspBuild
    ? await serveStatic(cspBuild.outDir, { 'Content-Security-Policy': strictContentSecurityPolicy(emulator) })
    : null;
  try {
    const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7);
    for (const transport of ['webrtc', 'websocket'] as const) {
      if (only && only !== transport) continue;
      if (!process.argv.includes('--csp-only')) await runTransport(transport, emulator, siteUrl, wav, received);
      if (cspSite) await runStrictCsp(transport, emulator, `http://127.0.0.1:${(cspSite.address() as AddressInfo).port}/index.html`, wav);
    }
  } finally {
    await emulator.close();
    site.close();
    cspSite?.close();
    cspBuild?.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

function mintKey(emulator: RealtimeEmulator) {
  return createClientSecret({
    apiKey: 'sk-e2e-backend',
    baseUrl: emulator.url,
    session: { type: 'realtime', audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: IDLE_MS } } } },
  });
}

// A fake microphone that speaks the WAV, audio that plays without a click, and WebRTC to the
// emulator on 127.0.0.1.
function launchE2EChromium(wav: string) {
  return launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wav}`,
    '--autoplay-policy=no-user-gesture-required',
    '--allow-loopback-in-peer-connection',
  ]);
}

async function runStrictCsp(transport: 'webrtc' | 'websocket', emulator: RealtimeEmulator, siteUrl: string, wav: string) {
  const secret = await mintKey(emulator);
  const browser = await launchE2EChromium(wav);
  try {
    await runStrictCspTransport({ transport, browser, siteUrl, emulator, key: secret.value, idleMs: IDLE_MS, step, verbose });
  } finally {
    await browser.close();
  }
}

async function runTransport(
  transport: 'webrtc' | 'websocket',
  emulator: RealtimeEmulator,
  siteUrl: string,
  wav: string,
  received: readonly ReceivedClientEvent[],
) {
  const secret = await mintKey(emulator);
  const browser = await launchE2EChromium(wav);
  const name = (check: string) => `${transport}: ${check}`;
  try {
    const page = await browser.newPage();
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
    const tap = transport === 'websocket' ? '&tap=output' : '';
    const url = `${siteUrl}?transport=${transport}&emulator=${encodeURIComponent(emulator.url)}&key=${secret.value}&idle=${IDLE_MS}${tap}`;
    await page.goto(url);
    const clickedAt = Date.now();
    await page.click('#connect');

    await step(name('connects'), () =>
      page
        .waitForSelector('#status[data-status="connected"]', { timeout: 15000 })
        .then(() => `connected ${Date.now() - clickedAt} ms after the click`),
    );
    await step(name('user turn detected'), async () => {
      await page.waitForFunction(() => window.__e2e.events.some((e) => e.type === 'speech_stopped'), null, { timeout: 15000 });
      await page.waitForSelector('#transcript [data-role="user"]', { timeout: 5000 });
      const speech = await page.evaluate(() => window.__e2e.events.find((e) => e.type === 'speech_started'));
      return `speech_started at ${String(speech?.audioStartMs)} ms of input audio, speech_stopped, a user item in TranscriptView`;
    });
    await step(name('assistant reply streams into TranscriptView'), async () => {
      return waitForStreamedReply(page, 10000);
    });
    await step(name('assistant audio played'), async () => {
      await page.waitForFunction(() => window.__e2e.events.some((e) => e.type === 'audio_stopped'), null, { timeout: 15000 });
      if (transport === 'websocket') {
        const audio = await page.evaluate(() => ({
          starts: window.__e2e.bufferSourceStarts,
          contexts: window.__e2e.audioContexts.map((c) => ({ state: c.state, time: c.currentTime })),
        }));
        if (audio.starts < 1) throw new Error('no AudioBufferSourceNode was started');
        const context = audio.contexts[0];
        if (!context || context.state !== 'running' || context.time <= 0) {
          throw new Error(`the AudioContext did not run: ${JSON.stringify(audio.contexts)}`);
        }
        return `${audio.starts} chunks played on a running AudioContext (${context.time.toFixed(1)} s), audio_started/stopped from the transport`;
      }
      const stats = await page.evaluate(async () => {
        const pc = window.__e2e.peerConnections[0];
        if (!pc) return null;
        const report = await pc.getStats();
        let inbound: { totalSamplesReceived?: number; totalAudioEnergy?: number } | null = null;
        report.forEach((entry: { type: string; kind?: string }) => {
          if (entry.type === 'inbound-rtp' && entry.kind === 'audio') inbound = entry as typeof inbound;
        });
        const element = document.getElementById('remote-audio') as HTMLAudioElement;
        return { inbound, playing: !element.paused && element.srcObject !== null };
      });
      const inbound = stats?.inbound as { totalSamplesReceived?: number; totalAudioEnergy?: number } | null;
      if (!inbound || !(inbound.totalAudioEnergy ?? 0)) throw new Error(`no audio energy received: ${JSON.stringify(stats)}`);
      if (!stats?.playing) throw new Error('the audio element is not playing the remote stream');
      return `energy ${inbound.totalAudioEnergy?.toFixed(3)}, ${inbound.totalSamplesReceived} samples, <audio> playing`;
    });
    await step(name(`IdleBanner after the ${IDLE_MS} ms idle timeout`), async () => {
      await page.waitForSelector('#idle-banner[data-state="open"]', { timeout: IDLE_MS + 15000 });
      const timing = await page.evaluate(() => {
        const events = window.__e2e.events;
        const stopped = events.find((e) => e.type === 'audio_stopped');
        const timeout = events.find((e) => e.type === 'input_audio_timeout_triggered');
        return { stopped: stopped?.at, timeout: timeout?.at, source: timeout?.source };
      });
      const waited = (timing.timeout ?? 0) - (timing.stopped ?? 0);
      if (timing.source !== 'server') throw new Error(`timeout source ${String(timing.source)}`);
      if (waited < IDLE_MS - 300) throw new Error(`fired ${Math.round(waited)} ms after playback ended`);
      await page.waitForSelector('#transcript [data-kind="idle_timeout"]', { timeout: 5000 });
      return `server timeout ${Math.round(waited)} ms after playback ended; idle marker in transcript`;
    });
    await step(name('live levels and AudioVisualizer follow the fake microphone'), () => checkLevelsFollowMicrophone(page));
    await step(name("live levels and AudioVisualizer follow the emulator's reply"), () => checkLevelsFollowReply(page));
    await step(name(`"I'm still here" resets the idle state`), async () => {
      await page.click('#idle-banner button[data-variant="primary"]');
      await page.waitForSelector('#idle-banner[data-state="closed"]', { state: 'attached', timeout: 5000 }).catch(async (error: unknown) => {
        const phase = await page.getAttribute('#idle-banner', 'data-phase');
        const idle = await page.evaluate(() => window.__e2e.events.filter((e) => e.type === 'idle_changed').slice(-3));
        throw new Error(`banner still open in phase ${String(phase)}: ${JSON.stringify(idle)} (${String(error)})`);
      });
      const timeouts = await page.getAttribute('#idle-banner', 'data-timeouts');
      if (timeouts !== '0') throw new Error(`data-timeouts=${String(timeouts)}`);
      return 'banner closed, count 0';
    });
    await step(name('interrupting a reply stops it where it was heard'), () => checkInterruptCutsReply(page, transport));
    await step(name('client tool call round trip: defineTool runs, its output and one response.create reach the emulator, the reply says it'), () =>
      checkToolCallRoundTrip(page, received),
    );
    if (transport === 'websocket') {
      await step(name(`barge-in: playback silent within ${BARGE_IN_TARGET_MS} ms of speech_started (audio clock)`), async () => {
        const report = await measureBargeIn(page, BARGE_IN_SAMPLES, verbose ? (line) => console.log(`  ${line}`) : undefined);
        if (report.samples.length < BARGE_IN_SAMPLES / 2) {
          throw new Error(`only ${report.samples.length} barge-ins landed while a reply played (${report.skipped} after it ended)`);
        }
        const silent = summarize(report.samples.map((s) => s.silentAfterMs));
        const stop = summarize(report.samples.map((s) => s.stopCalledAfterMs));
        const paused = report.samples.filter((s) => s.inPause).length;
        const { sampleRate, baseLatency, outputLatency } = report.context;
        const figures =
          `${report.samples.length} barge-ins (${paused} in a pause between syllables): silent after median ${silent.median.toFixed(1)} ms, ` +
          `max ${silent.max.toFixed(1)} ms of audio clock; stop() called median ${stop.median.toFixed(2)} ms, max ${stop.max.toFixed(2)} ms after arrival; ` +
          `context ${sampleRate} Hz, baseLatency ${(baseLatency * 1000).toFixed(1)} ms, outputLatency ${(outputLatency * 1000).toFixed(1)} ms`;
        // The path is synchronous on the message's arrival, so the audio-clock figure does not
        // grow with CPU load; the median absorbs one rare preemption between stamp and stop().
        if (silent.median > BARGE_IN_TARGET_MS) throw new Error(figures);
        return figures;
      });
    }
    await step(name('microphone switch mid-session keeps the connection and the audio'), () => checkMicrophoneSwitch(page, transport));
    await step(name('disconnect releases peer connection, socket and microphone'), async () => {
      await page.click('#disconnect');
      await page.waitForSelector('#status[data-status="disconnected"]', { timeout: 5000 });
      await page.waitForTimeout(300);
      const open = await page.evaluate(() => ({
        peers: window.__e2e.peerConnections.filter((pc) => pc.connectionState !== 'closed').length,
        sockets: window.__e2e.sockets.filter((s) => s.readyState !== WebSocket.CLOSED).length,
        tracks: window.__e2e.tracks.filter((t) => t.readyState !== 'ended').length,
        audioContexts: window.__e2e.audioContexts.filter((c) => c.state !== 'closed').length,
        created: window.__e2e.peerConnections.length + window.__e2e.sockets.length,
      }));
      if (open.created === 0) throw new Error('nothing was ever opened');
      if (open.peers || open.sockets || open.tracks || open.audioContexts) {
        throw new Error(`still open: ${JSON.stringify(open)}`);
      }
      return 'no open peer connection, socket, microphone track or audio context';
    });
    if (verbose || results.some((r) => !r.ok && r.name.startsWith(transport))) {
      console.log(consoleLines.slice(-30).map((line) => `  [page] ${line}`).join('\n'));
      await page.screenshot({ path: join(tmpdir(), `rrk-e2e-${transport}.png`) }).catch(() => undefined);
    }
  } finally {
    await browser.close();
  }
}

async function step(name: string, run: () => Promise<string>) {
  try {
    record(name, true, await run());
  } catch (error) {
    record(name, false, error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

function serveStatic(root: string, headers: Record<string, string> = {}): Promise<Server> {
  const server = createServer((request, response) => {
    const path = resolve(root, `.${new URL(request.url ?? '/', 'http://x').pathname}`);
    if (!path.startsWith(root) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
    response.end(readFileSync(path));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}


main().catch((error: unknown) => {
  console.error(error);
  console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exit(1);
});
