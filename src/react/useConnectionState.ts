import type { ConnectionStatus, RealtimeError, RealtimeSession, SessionState } from '../core/session/types.ts';
import { shallowEqual } from './shallowEqual.ts';
import { useRequiredSession } from './useRequiredSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';

/** What {@link useConnectionState} returns. */
export interface ConnectionState {
  status: ConnectionStatus;
  /** The last error (server, transport, protocol, handler or config), cleared on a new connect. */
  error: RealtimeError | null;
}

/** Options of {@link useConnectionState}. */
export interface UseConnectionStateOptions {
  /** Use this session instead of the provider's. */
  session?: RealtimeSession;
}

const selectConnection = (state: SessionState): ConnectionState => ({ status: state.status, error: state.error });

/**
 * The connection status and the last error. Re-renders only when one of them changes, never
 * for transcript, speech or idle updates.
 *
 * @example
 * ```tsx
 * function StatusLine() {
 *   const { status, error } = useConnectionState();
 *   return <p role="status">{error ? `Error: ${error.message}` : status}</p>;
 * }
 * ```
 */
export function useConnectionState(options?: UseConnectionStateOptions): ConnectionState {
  const session = useRequiredSession(options?.session, 'useConnectionState');
  return useSessionSelector(session, selectConnection, shallowEqual);
}
