import type { HTMLAttributes } from 'react';
import type { ConnectionStatus, RealtimeError, RealtimeSession, SessionState } from '../../core/session/types.ts';
import { useConnectionState, useRealtimeState } from '../../react/index.ts';
import { useRequiredSession } from '../../react/useRequiredSession.ts';

/**
 * The text shown for each connection status, and `endedForInactivity` for a session the idle
 * policy ended (status `disconnected`, idle phase `ended`), so the page says why it went quiet.
 */
export type ConnectionIndicatorLabels = Record<ConnectionStatus, string> & { endedForInactivity: string };

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

function selectEndedForInactivity(state: SessionState): boolean {
  return state.status === 'disconnected' && state.idle.phase === 'ended';
}

/** Options of {@link useConnectionIndicator}; `<ConnectionIndicator>` takes the same as props. */
export interface UseConnectionIndicatorOptions {
  /** Override any status's text. */
  labels?: Partial<ConnectionIndicatorLabels>;
  /** An explicit session instead of the provider's. */
  session?: RealtimeSession;
  /** Give the last error's message while the status is `error` (default true). */
  showError?: boolean;
}

/** What {@link useConnectionIndicator} returns: state, resolved text and the root's props. */
export interface UseConnectionIndicatorResult {
  status: ConnectionStatus;
  /** The last error, whatever `showError` says. */
  error: RealtimeError | null;
  /** The idle policy ended the session (status `disconnected`, idle phase `ended`). */
  endedForInactivity: boolean;
  labels: ConnectionIndicatorLabels;
  /** The text for the state: the status's label, or `endedForInactivity`'s. */
  label: string;
  /** The error's message to show after the label (status `error`, `showError`), else null. */
  errorMessage: string | null;
  /**
   * Props of the indicator: `role="status"` with `aria-live="polite"`, `data-status` (the raw
   * status) and `data-reason="idle"` when the idle policy ended the session.
   */
  rootProps: HTMLAttributes<HTMLElement> & { 'data-status': ConnectionStatus; 'data-reason': 'idle' | undefined };
}

/**
 * The headless connection indicator: everything `<ConnectionIndicator>` renders, as state,
 * text and props, so a design system can draw its own status badge with the same behaviour.
 * Re-renders only when the status, the error or the idle ending changes.
 *
 * @example
 * ```tsx
 * function StatusBadge() {
 *   const { rootProps, label, errorMessage } = useConnectionIndicator({ labels: { connected: 'Live' } });
 *   return (
 *     <span {...rootProps} className="badge">
 *       {errorMessage === null ? label : `${label}: ${errorMessage}`}
 *     </span>
 *   );
 * }
 * ```
 */
export function useConnectionIndicator(options: UseConnectionIndicatorOptions = {}): UseConnectionIndicatorResult {
  const { session, showError = true } = options;
  // Checked here first so that, without a session, the error names this hook rather than the
  // hooks it builds on.
  useRequiredSession(session, 'useConnectionIndicator');
  const sessionOptions = session ? { session } : undefined;
  const { status, error } = useConnectionState(sessionOptions);
  const endedForInactivity = useRealtimeState(selectEndedForInactivity, sessionOptions);
  const labels: ConnectionIndicatorLabels = { ...defaultConnectionIndicatorLabels, ...options.labels };
  return {
    status,
    error,
    endedForInactivity,
    labels,
    label: endedForInactivity ? labels.endedForInactivity : labels[status],
    errorMessage: showError && status === 'error' && error ? error.message : null,
    rootProps: {
      role: 'status',
      'aria-live': 'polite',
      'data-status': status,
      'data-reason': endedForInactivity ? 'idle' : undefined,
    },
  };
}
