import { createLinearResampler } from './createLinearResampler.ts';
import { createPcmChunker } from './createPcmChunker.ts';
import { loadMicCaptureWorklet } from './loadMicCaptureWorklet.ts';
import { MIC_CAPTURE_PROCESSOR } from './micCaptureWorklet.ts';
import { floatToPcm16, REALTIME_PCM_SAMPLE_RATE } from './pcm16.ts';

/** A running microphone capture; `stop()` disconnects the graph (the stream's tracks are the caller's). */
export interface MicrophoneCapture {
  /**
   * Capture `stream` from now on (a microphone switch): the worklet, the resampler and the
   * chunker keep running, so chunks keep their cadence. Throws, keeping the current stream, when
   * the new one cannot feed the context.
   */
  setStream(stream: MediaStream): void;
  stop(): void;
}

/**
 * Capture a microphone stream as PCM16 24 kHz mono chunks through an AudioWorklet.
 * The worklet hands out context-rate frames; they are resampled and chunked here. It loads
 * from `workletUrl` when given, otherwise as {@link loadMicCaptureWorklet} describes.
 *
 * @example
 * ```ts
 * const capture = await createMicrophoneCapture(context, stream, {
 *   chunkMs: 40,
 *   onChunk: (pcm) => send({ type: 'input_audio_buffer.append', audio: bytesToBase64(pcm16ToBytes(pcm)) }),
 * });
 * ```
 */
export async function createMicrophoneCapture(
  context: AudioContext,
  stream: MediaStream,
  options: { chunkMs?: number; onChunk: (pcm: Int16Array) => void; workletUrl?: string | URL },
): Promise<MicrophoneCapture> {
  await loadMicCaptureWorklet(context.audioWorklet, options.workletUrl);
  let source = context.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(context, MIC_CAPTURE_PROCESSOR, {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    channelCount: 1,
    channelCountMode: 'explicit',
  });
  const resampler = createLinearResampler(context.sampleRate, REALTIME_PCM_SAMPLE_RATE);
  const chunker = createPcmChunker(Math.round(((options.chunkMs ?? 40) * REALTIME_PCM_SAMPLE_RATE) / 1000));
  node.port.onmessage = (event: MessageEvent<Float32Array>) => {
    for (const chunk of chunker.push(floatToPcm16(resampler.process(event.data)))) options.onChunk(chunk);
  };
  // A worklet only runs while connected to the destination; its outputs are silent (it never writes them).
  source.connect(node);
  node.connect(context.destination);
  return {
    setStream(next) {
      // The new source first: if the context refuses it, the old one is still connected.
      const replacement = context.createMediaStreamSource(next);
      source.disconnect();
      source = replacement;
      source.connect(node);
    },
    stop() {
      node.port.onmessage = null;
      source.disconnect();
      node.disconnect();
    },
  };
}
