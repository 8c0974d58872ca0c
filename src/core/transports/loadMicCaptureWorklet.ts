import { createMicCaptureWorkletUrl, micCaptureWorkletModuleUrl } from './micCaptureWorklet.ts';
import { RealtimeTransportError } from './RealtimeTransportError.ts';

/**
 * Load the microphone capture processor into an AudioWorklet.
 *
 * - `workletUrl` given: that file, and nothing else (the app chose where it lives, usually to
 *   satisfy its Content-Security-Policy; a blob: attempt would only add a violation).
 * - Otherwise the worklet file that ships with the kit, at the URL the app's bundler resolved
 *   (allowed by `script-src 'self'`); if it cannot be loaded (not emitted, a dev server that
 *   does not serve it), the same code from a `blob:` URL, as before the file existed.
 *
 * Fails with a `connect_failed` {@link RealtimeTransportError} that names what was tried.
 *
 * @example
 * ```ts
 * await loadMicCaptureWorklet(context.audioWorklet);
 * await loadMicCaptureWorklet(context.audioWorklet, '/worklets/micCaptureProcessor.js');
 * ```
 */
export async function loadMicCaptureWorklet(worklet: AudioWorklet, workletUrl?: string | URL): Promise<void> {
  if (workletUrl !== undefined) {
    const url = String(workletUrl);
    try {
      await worklet.addModule(url);
      return;
    } catch (error) {
      throw new RealtimeTransportError(
        'connect_failed',
        `The microphone worklet could not be loaded from workletUrl ${url}: ${describe(error)}`,
        { cause: error },
      );
    }
  }
  const moduleUrl = micCaptureWorkletModuleUrl();
  if (moduleUrl !== null) {
    try {
      await worklet.addModule(moduleUrl);
      return;
    } catch {
      // Not emitted by this bundler or not served in dev: the blob below still works where a
      // Content-Security-Policy allows it.
    }
  }
  const blobUrl = createMicCaptureWorkletUrl();
  try {
    await worklet.addModule(blobUrl);
  } catch (error) {
    throw new RealtimeTransportError(
      'connect_failed',
      `The microphone worklet could not be loaded (${moduleUrl === null ? 'no module URL' : `not from ${moduleUrl}`}, ` +
        `nor from a blob: URL, which a Content-Security-Policy without blob: in script-src refuses). ` +
        `Serve react-realtime-kit/micCaptureProcessor.js from your origin and pass its URL as workletUrl. ${describe(error)}`,
      { cause: error },
    );
  } finally {
    URL.revokeObjectURL(blobUrl);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
