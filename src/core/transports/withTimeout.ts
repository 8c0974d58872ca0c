import { RealtimeTransportError } from './RealtimeTransportError.ts';

/**
 * Wait for one step of connecting, but no longer than `ms` and not past an abort: a server
 * that never answers must not leave `connect()` pending forever.
 *
 * @example
 * ```ts
 * await withTimeout(channelOpen, 15000, signal, () => new RealtimeTransportError('connect_failed', 'Timed out.'));
 * ```
 */
export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  signal: AbortSignal,
  onTimeout: () => Error,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    const onAbort = () => reject(new RealtimeTransportError('aborted', 'Connecting was aborted.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
