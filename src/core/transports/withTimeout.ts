import { RealtimeTransportError } from '../transport/RealtimeTransportError.ts';

/**
 * Wait for `promise`, but no longer than `ms` and not past an abort of `signal`: a server that
 * never answers must not leave `connect()` pending forever. An abort rejects with the signal's
 * reason when it is a {@link RealtimeTransportError}, otherwise with code `aborted`. The timer
 * and the abort listener are removed whichever way it settles.
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
    if (signal.aborted) {
      // A later rejection of `promise` must not be reported as unhandled once we gave up on it.
      promise.catch(() => undefined);
      reject(abortError(signal));
      return;
    }
    const settle = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      settle();
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      settle();
      reject(onTimeout());
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof RealtimeTransportError ? reason : new RealtimeTransportError('aborted', 'Connecting was aborted.');
}
