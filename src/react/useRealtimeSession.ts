import { useContext, useMemo } from 'react';
import type { ConnectionStatus, RealtimeSession, SessionState } from '../core/session/types.ts';
import { createSessionActions, type RealtimeActions } from './createSessionActions.ts';
import { RealtimeActionsContext } from './RealtimeActionsContext.ts';
import { RealtimeSessionContext } from './RealtimeSessionContext.ts';
import { useRequiredSession } from './useRequiredSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';

/** What {@link useRealtimeSession} returns: stable actions, the status, and the session itself. */
export interface RealtimeSessionHandle extends RealtimeActions {
  status: ConnectionStatus;
  /** The session object, for anything the actions do not cover (`on`, `getState`, `clock`). */
  session: RealtimeSession;
}

/** Options of {@link useRealtimeSession}. */
export interface UseRealtimeSessionOptions {
  /** Use this session instead of the provider's. */
  session?: RealtimeSession;
}

const selectStatus = (state: SessionState): ConnectionStatus => state.status;

/**
 * The session's actions and its connection status. The action functions never change identity,
 * so they can go straight into dependency arrays and memoized children; the component
 * re-renders only when `status` changes.
 *
 * @example
 * ```tsx
 * function ConnectButton() {
 *   const { status, connect, disconnect } = useRealtimeSession();
 *   return status === 'connected'
 *     ? <button onClick={disconnect}>Hang up</button>
 *     : <button onClick={() => void connect()} disabled={status === 'connecting'}>Talk</button>;
 * }
 * ```
 */
export function useRealtimeSession(options?: UseRealtimeSessionOptions): RealtimeSessionHandle {
  const explicit = options?.session;
  const session = useRequiredSession(explicit, 'useRealtimeSession');
  const providerSession = useContext(RealtimeSessionContext);
  const providerActions = useContext(RealtimeActionsContext);
  // The provider's actions when they act on this session (identity stable even across session
  // changes); otherwise actions of our own, stable for as long as the session is the same.
  const fromProvider = providerActions !== null && (explicit === undefined || explicit === providerSession);
  const ownActions = useMemo(() => (fromProvider ? null : createSessionActions(() => session)), [fromProvider, session]);
  const actions = (fromProvider ? providerActions : ownActions) as RealtimeActions;
  const status = useSessionSelector(session, selectStatus);
  return useMemo(() => ({ ...actions, status, session }), [actions, status, session]);
}
