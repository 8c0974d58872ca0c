import { createMicCaptureWorkletUrl, micCaptureWorkletModuleUrl } from './micCaptureWorklet.ts';
import { RealtimeTransportError } from '../../transport/RealtimeTransportError.ts';

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
      `The microphone worklet could not be loaded (${describeModuleAttempt(moduleUrl)}, ` +
        `nor from a blob: URL, which a Content-Security-Policy without blob: in script-src refuses). ` +
        `Serve react-realtime-kit/micCaptureProcessor.js from your origin and pass its URL as workletUrl. ${describe(error)}`,
      { cause: error },
    );
  } finally {
    URL.revokeObjectURL(blobUrl);
  }
}

// A data: URL is the whole file, base64: naming it would bury the message. A bundler made it by
// inlining the file (Vite 5 ignores `?no-inline`); a strict policy refuses it like a blob.
function describeModuleAttempt(moduleUrl: string | null): string {
  if (moduleUrl === null) return 'no module URL';
  if (moduleUrl.startsWith('data:')) {
    return (
      'your bundler inlined micCaptureProcessor.js as a data: URL; with Vite 5 keep it a file with ' +
      "build.assetsInlineLimit: (file) => (file.endsWith('/micCaptureProcessor.js') ? false : undefined)"
    );
  }
  return `not from ${moduleUrl}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
