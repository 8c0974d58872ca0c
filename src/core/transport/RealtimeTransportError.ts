/**
 * Machine-readable reasons a transport can fail, so a UI can pick its copy without parsing
 * messages. `microphone_denied` is the one most apps show: the user (or the browser policy)
 * refused the microphone.
 */
export type RealtimeTransportErrorCode =
  | 'microphone_denied'
  | 'microphone_unavailable'
  | 'api_key_in_browser'
  | 'client_secret_failed'
  | 'unauthorized'
  | 'connect_failed'
  | 'connection_lost'
  | 'aborted'
  | 'not_connected'
  | 'unsupported';

/**
 * The error every transport in the kit throws or reports, typed by `code`.
 *
 * @example
 * ```ts
 * try {
 *   await transport.connect({ signal });
 * } catch (error) {
 *   if (error instanceof RealtimeTransportError && error.code === 'microphone_denied') {
 *     showMicrophoneHelp();
 *   }
 * }
 * ```
 */
export class RealtimeTransportError extends Error {
  override readonly name = 'RealtimeTransportError';
  readonly code: RealtimeTransportErrorCode;
  /** HTTP status behind the error, when one was involved (SDP exchange, client secret). */
  readonly status?: number;

  constructor(code: RealtimeTransportErrorCode, message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options?.status !== undefined) this.status = options.status;
  }
}

/**
 * Narrow an unknown error to a {@link RealtimeTransportError}, optionally of one code.
 *
 * @example
 * ```ts
 * if (isRealtimeTransportError(state.error?.cause, 'microphone_denied')) showMicrophoneHelp();
 * ```
 */
export function isRealtimeTransportError(
  error: unknown,
  code?: RealtimeTransportErrorCode,
): error is RealtimeTransportError {
  return error instanceof RealtimeTransportError && (code === undefined || error.code === code);
}
