import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenAIWebSocketTransport } from '../../../../src/core/transports/createOpenAIWebSocketTransport.ts';
import { loadMicCaptureWorklet } from '../../../../src/core/transports/audio/loadMicCaptureWorklet.ts';
import * as micCaptureWorklet from '../../../../src/core/transports/audio/micCaptureWorklet.ts';
import { micCaptureWorkletModuleUrl, micCaptureWorkletSource } from '../../../../src/core/transports/audio/micCaptureWorklet.ts';
import { RealtimeTransportError } from '../../../../src/core/transport/RealtimeTransportError.ts';
import { FakeAudioContext, fakeMediaDevices, FakeWebSocket } from '../fakes.ts';

/** An AudioWorklet that records each URL it is asked to load and refuses the ones `refuse` matches. */
function fakeWorklet(refuse: (url: string) => boolean = () => false) {
  const tried: string[] = [];
  return {
    tried,
    worklet: {
      addModule: async (url: string) => {
        tried.push(url);
        if (refuse(url)) throw new DOMException(`Failed to load worklet module script: ${url}`, 'AbortError');
      },
    } as unknown as AudioWorklet,
  };
}

const revoked: string[] = [];
beforeEach(() => {
  revoked.length = 0;
  let next = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${next++}`);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
});
afterEach(() => vi.restoreAllMocks());

describe('the worklet file that ships with the kit', () => {
  it('is where the module URL points, and holds exactly the code of the blob fallback', () => {
    const url = micCaptureWorkletModuleUrl();
    expect(url).toMatch(/\/micCaptureProcessor\.js\?no-inline$/);
    const path = fileURLToPath(new URL(url as string));
    expect(existsSync(path)).toBe(true);
    // The file opens with comments saying why it exists; the code after them is the fallback's.
    const code = readFileSync(path, 'utf8').replace(/^(\/\/.*\n|\/\*.*\*\/\n)+/, '');
    expect(code.trim()).toBe(micCaptureWorkletSource().trim());
  });
});

describe('loadMicCaptureWorklet', () => {
  it("loads the kit's file, from the page's origin under a bundler, and makes no blob", async () => {
    const { tried, worklet } = fakeWorklet();
    await loadMicCaptureWorklet(worklet);
    expect(tried).toEqual([micCaptureWorkletModuleUrl()]);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });

  it('falls back to a blob: URL when the file cannot be loaded, and revokes it', async () => {
    const { tried, worklet } = fakeWorklet((url) => !url.startsWith('blob:'));
    await loadMicCaptureWorklet(worklet);
    expect(tried).toEqual([micCaptureWorkletModuleUrl(), 'blob:test/0']);
    expect(revoked).toEqual(['blob:test/0']);
  });

  it('fails with connect_failed naming what was tried and what to do when neither loads (a strict CSP)', async () => {
    const { worklet } = fakeWorklet(() => true);
    const error = await loadMicCaptureWorklet(worklet).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RealtimeTransportError);
    expect((error as RealtimeTransportError).code).toBe('connect_failed');
    expect((error as Error).message).toContain('micCaptureProcessor.js');
    expect((error as Error).message).toContain('workletUrl');
    expect((error as Error).message).toContain('AbortError');
    expect(revoked).toEqual(['blob:test/0']);
  });

  it('loads only the workletUrl the app gives, with no blob attempt, even when it fails', async () => {
    const ok = fakeWorklet();
    await loadMicCaptureWorklet(ok.worklet, new URL('https://app.example/worklets/mic.js'));
    expect(ok.tried).toEqual(['https://app.example/worklets/mic.js']);

    const failing = fakeWorklet(() => true);
    const error = await loadMicCaptureWorklet(failing.worklet, '/worklets/mic.js').catch((caught: unknown) => caught);
    expect(failing.tried).toEqual(['/worklets/mic.js']);
    expect((error as RealtimeTransportError).code).toBe('connect_failed');
    expect((error as Error).message).toContain('/worklets/mic.js');
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });
});

describe('createOpenAIWebSocketTransport({ workletUrl })', () => {
  it('captures the microphone through the worklet at that URL', async () => {
    vi.stubGlobal(
      'AudioWorkletNode',
      class {
        port = { onmessage: null };
        connect() {}
        disconnect() {}
      },
    );
    FakeWebSocket.instances = [];
    const { tried, worklet } = fakeWorklet();
    const transport = createOpenAIWebSocketTransport({
      getClientSecret: () => 'ek_test',
      workletUrl: '/static/micCaptureProcessor.js',
      WebSocket: FakeWebSocket as unknown as typeof WebSocket,
      AudioContext: class extends FakeAudioContext {
        override audioWorklet = worklet;
      } as unknown as typeof AudioContext,
      mediaDevices: fakeMediaDevices(),
      playback: false,
    });
    const connected = transport.connect({ signal: new AbortController().signal });
    const socket = await vi.waitFor(() => FakeWebSocket.instances[0] ?? Promise.reject(new Error('no socket yet')));
    socket.open();
    socket.receive({ type: 'session.created', event_id: 'e0', session: {} });
    await connected;
    expect(tried).toEqual(['/static/micCaptureProcessor.js']);
    transport.close();
    vi.unstubAllGlobals();
  });
});

describe('loadMicCaptureWorklet when the bundler inlined the worklet file', () => {
  // Vite 5 does not know `?no-inline`: the 1 KB file is under its 4 KB assetsInlineLimit, so the
  // app's build turns the kit's `new URL(...)` into a data: URL, which a strict policy refuses
  // like the blob: fallback (probed with a Vite 5.4 app under script-src 'self').
  const inlined = `data:text/javascript;base64,${btoa(micCaptureWorkletSource())}`;

  it('still loads it where no policy refuses data: scripts', async () => {
    vi.spyOn(micCaptureWorklet, 'micCaptureWorkletModuleUrl').mockReturnValue(inlined);
    const { tried, worklet } = fakeWorklet();
    await loadMicCaptureWorklet(worklet);
    expect(tried).toEqual([inlined]);
  });

  it("says the file was inlined and how to keep it a file, without quoting the data: URL", async () => {
    vi.spyOn(micCaptureWorklet, 'micCaptureWorkletModuleUrl').mockReturnValue(inlined);
    const { tried, worklet } = fakeWorklet(() => true);
    const error = await loadMicCaptureWorklet(worklet).catch((caught: unknown) => caught);
    expect(tried).toEqual([inlined, 'blob:test/0']);
    expect((error as RealtimeTransportError).code).toBe('connect_failed');
    const message = (error as Error).message;
    expect(message).toContain('inlined');
    expect(message).toContain('assetsInlineLimit');
    expect(message).toContain('workletUrl');
    expect(message).not.toContain('base64');
    expect(message.length).toBeLessThan(800);
  });
});
