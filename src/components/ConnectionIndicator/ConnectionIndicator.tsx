import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import type { ConnectionStatus as ConnectionStatusValue, RealtimeSession, SessionState } from '../../core/session/types.ts';
import { useConnectionState, useRealtimeState } from '../../react/index.ts';

/**
 * The text shown for each connection status, and `endedForInactivity` for a session the idle
 * policy ended (status `disconnected`, idle phase `ended`), so the page says why it went quiet.
 */
export type ConnectionIndicatorLabels = Record<ConnectionStatusValue, string> & { endedForInactivity: string };

/**
 * The default English copy, one word or two per status.
 *
 * @example
 * ```tsx
 * function StatusText() {
 *   const { status } = useConnectionState();
 *   return <span>{defaultConnectionIndicatorLabels[status]}</span>; // e.g. "Connected"
 * }
 * ```
 */
export const defaultConnectionIndicatorLabels: ConnectionIndicatorLabels = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  disconnected: 'Disconnected',
  error: 'Connection error',
  endedForInactivity: 'Ended after no reply',
};

function endedForInactivity(state: SessionState): boolean {
  return state.status === 'disconnected' && state.idle.phase === 'ended';
}

/** Props of {@link ConnectionIndicator}. */
export interface ConnectionIndicatorProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  labels?: Partial<ConnectionIndicatorLabels>;
  /** Drop the default class name (and so the default theme). */
  unstyled?: boolean;
  /** An explicit session instead of the provider's. */
  session?: RealtimeSession;
  /** Show the last error's message after the status (default true). */
  showError?: boolean;
}

/**
 * A small live status indicator: a coloured dot (from CSS) and a word. Announced politely when
 * it changes. `data-status` carries the raw status for styling; a session the idle policy ended
 * reads "Ended after no reply" (label `endedForInactivity`) and has `data-reason="idle"`.
 *
 * @example
 * ```tsx
 * <ConnectionIndicator labels={{ connected: 'Live' }} />
 * ```
 */
export const ConnectionIndicator = forwardRef<HTMLSpanElement, ConnectionIndicatorProps>(function ConnectionIndicator(
  { labels, unstyled = false, session, showError = true, className, ...rest },
  ref,
) {
  const { status, error } = useConnectionState(session ? { session } : undefined);
  const idleEnded = useRealtimeState(endedForInactivity, session ? { session } : undefined);
  const copy = { ...defaultConnectionIndicatorLabels, ...labels };
  const text = idleEnded ? copy.endedForInactivity : copy[status];
  const rootClass = unstyled ? className : className ? `rrk-connection-indicator ${className}` : 'rrk-connection-indicator';
  return (
    <span role="status" aria-live="polite" {...rest} ref={ref} className={rootClass} data-status={status} data-reason={idleEnded ? 'idle' : undefined}>
      {text}
      {showError && status === 'error' && error ? `: ${error.message}` : null}
    </span>
  );
});
