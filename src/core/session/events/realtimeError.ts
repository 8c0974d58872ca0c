/**
 * Where an error came from, so a UI can decide what to show: `server` (the API's `error`
 * event), `transport` (connect, send, lost connection), `protocol` (bad wire data), `handler`
 * (your event handler or state listener threw), `config` (an invalid config or client event).
 *
 * @example
 * ```ts
 * session.on('error', ({ error }) => {
 *   if (error.source === 'transport') showToast(error.message);
 * });
 * ```
 */
export type RealtimeErrorSource = 'server' | 'transport' | 'protocol' | 'handler' | 'config';

/**
 * One error, normalized. Never thrown into the caller's stack from the event path.
 *
 * @example
 * ```ts
 * const error: RealtimeError = { source: 'protocol', code: 'malformed_json', message: 'malformed JSON: Unexpected end' };
 * ```
 */
export interface RealtimeError {
  source: RealtimeErrorSource;
  /** Machine-readable: the server's `error.code`/`error.type`, or one of the kit's own codes. */
  code: string;
  message: string;
  /** The raw wire data or thrown value behind this error, kept for debugging. */
  cause?: unknown;
}
