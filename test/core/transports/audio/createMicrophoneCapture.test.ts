import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMicrophoneCapture } from '../../../../src/core/transports/audio/createMicrophoneCapture.ts';
import {
  micCaptureWorkletModuleUrl,
  micCaptureWorkletSource,
  MIC_CAPTURE_PROCESSOR,
} from '../../../../src/core/transports/audio/micCaptureWorklet.ts';

class FakeWorkletNode {
  static last: FakeWorkletNode | null = null;
  port: { onmessage: ((event: { data: Float32Array }) => void) | null } = { onmessage: null };
  connected = false;
  constructor(
    public context: unknown,
    public name: string,
  ) {
    FakeWorkletNode.last = this;
  }
  connect() {
    this.connected = true;
  }
  disconnect() {
    this.connected = false;
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('createMicrophoneCapture', () => {
  it('loads the worklet, resamples 48 kHz blocks to 24 kHz PCM16 and emits 40 ms chunks', async () => {
    vi.stubGlobal('AudioWorkletNode', FakeWorkletNode);
    const modules: string[] = [];
    const context = {
      sampleRate: 48000,
      destination: {},
      audioWorklet: { addModule: async (url: string) => void modules.push(url) },
      createMediaStreamSource: () => ({ connect() {}, disconnect() {} }),
    };
    const chunks: Int16Array[] = [];
    const capture = await createMicrophoneCapture(context as unknown as AudioContext, {} as MediaStream, {
      chunkMs: 40,
      onChunk: (pcm) => chunks.push(pcm),
    });
    // The file that ships with the kit, not a blob: (which a strict Content-Security-Policy refuses).
    expect(modules).toEqual([micCaptureWorkletModuleUrl()]);
    const node = FakeWorkletNode.last;
    expect(node?.name).toBe(MIC_CAPTURE_PROCESSOR);
    // 100 ms at 48 kHz in worklet-sized batches of 1024 (the last one short).
    for (let sent = 0; sent < 4800; sent += 1024) {
      node?.port.onmessage?.({ data: new Float32Array(Math.min(1024, 4800 - sent)).fill(0.5) });
    }
    // 100 ms -> 2400 samples at 24 kHz -> two full 960-sample chunks, the rest pending.
    expect(chunks.map((c) => c.length)).toEqual([960, 960]);
    expect(chunks[0]?.[10]).toBe(Math.round(0.5 * 0x7fff));
    capture.stop();
    expect(node?.port.onmessage).toBeNull();
  });

  it('ships a worklet that registers the processor by name', () => {
    expect(micCaptureWorkletSource()).toContain(`registerProcessor("${MIC_CAPTURE_PROCESSOR}"`);
  });
});
