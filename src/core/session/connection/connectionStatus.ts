/**
 * Connection status of a session. `idle` = never connected yet; `error` = the connection failed
 * or was lost (the reason is in `state.error`).
 *
 * @example
 * ```ts
 * const label: Record<ConnectionStatus, string> = {
 *   idle: 'Start', connecting: 'Connecting…', connected: 'Live', disconnected: 'Ended', error: 'Connection lost',
 * };
 * ```
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'disconnected' | 'error';
