/**
 * Registered name of the capture processor inside the AudioWorklet scope.
 *
 * @example
 * ```ts
 * const node = new AudioWorkletNode(context, MIC_CAPTURE_PROCESSOR);
 * ```
 */
export const MIC_CAPTURE_PROCESSOR = 'rrk-mic-capture';

// The processor runs in the AudioWorkletGlobalScope, which cannot import modules from the
// page's bundle. It ships twice: as its own file, micCaptureProcessor.js (what a strict
// Content-Security-Policy allows: a script from the page's origin), and as this string, turned
// into a Blob URL when the file cannot be resolved (a bundler that did not emit it), so the kit
// stays one import with no worklet file to copy into /public. A test keeps the two identical.
// It only copies mono frames out, in batches of 1024 to keep message traffic low; resampling
// and PCM conversion happen on the main thread, where they are plain functions covered by unit tests.
const SOURCE = `
class MicCaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.batch = new Float32Array(1024);
    this.filled = 0;
  }
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) {
      let offset = 0;
      while (offset < channel.length) {
        const take = Math.min(this.batch.length - this.filled, channel.length - offset);
        this.batch.set(channel.subarray(offset, offset + take), this.filled);
        this.filled += take;
        offset += take;
        if (this.filled === this.batch.length) {
          this.port.postMessage(this.batch, [this.batch.buffer]);
          this.batch = new Float32Array(1024);
          this.filled = 0;
        }
      }
    }
    return true;
  }
}
registerProcessor(${JSON.stringify(MIC_CAPTURE_PROCESSOR)}, MicCaptureProcessor);
`;

/**
 * The worklet's source code, for environments that load worklets their own way.
 *
 * @example
 * ```ts
 * await context.audioWorklet.addModule(`data:text/javascript,${encodeURIComponent(micCaptureWorkletSource())}`);
 * ```
 */
export function micCaptureWorkletSource(): string {
  return SOURCE;
}

/**
 * A Blob URL for `audioWorklet.addModule`. Call `URL.revokeObjectURL` after loading.
 *
 * @example
 * ```ts
 * const url = createMicCaptureWorkletUrl();
 * await context.audioWorklet.addModule(url);
 * URL.revokeObjectURL(url);
 * ```
 */
export function createMicCaptureWorkletUrl(): string {
  return URL.createObjectURL(new Blob([SOURCE], { type: 'text/javascript' }));
}

/**
 * The URL of the worklet file that ships with the kit (`micCaptureProcessor.js`, next to its
 * modules), as the app's bundler resolved it; `null` where it cannot be resolved. Written as
 * `new URL('./…', import.meta.url)` so that Vite, webpack and Next emit the file as an asset;
 * `?no-inline` keeps Vite from inlining it as a `data:` URL, which a strict policy refuses too.
 *
 * @example
 * ```ts
 * const url = micCaptureWorkletModuleUrl();
 * if (url) await context.audioWorklet.addModule(url);
 * ```
 */
export function micCaptureWorkletModuleUrl(): string | null {
  try {
    return new URL('./micCaptureProcessor.js?no-inline', import.meta.url).href;
  } catch {
    // A runtime without a usable import.meta.url (a bundle evaluated from a string, for one).
    return null;
  }
}
