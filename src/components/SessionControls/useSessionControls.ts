import { useCallback } from 'react';
import type { ButtonHTMLAttributes, MouseEvent } from 'react';
import type { ConnectionStatus, RealtimeSession } from '../../core/session/types.ts';
import { useConnectionState, useRealtimeSession, useRealtimeState } from '../../react/index.ts';
import { composeEventHandlers } from '../internal/composeEventHandlers.ts';

/** Every visible string of the session controls. */
export interface SessionControlsLabels {
  /** Accessible name of the group of buttons. */
  group: string;
  connect: string;
  connecting: string;
  disconnect: string;
  /** The mute toggle's name; its state is `aria-pressed`, so the name does not flip. */
  mute: string;
}

/**
 * The default English copy.
 *
 * @example
 * ```tsx
 * <SessionControls labels={{ connect: `${defaultSessionControlsLabels.connect} (uses your microphone)` }} />
 * ```
 */
export const defaultSessionControlsLabels: SessionControlsLabels = {
  group: 'Session controls',
  connect: 'Start session',
  connecting: 'Connecting…',
  disconnect: 'End session',
  mute: 'Mute microphone',
};

/** Options of {@link useSessionControls}. */
export interface UseSessionControlsOptions {
  labels?: Partial<SessionControlsLabels>;
  /** Runs before connect/disconnect; `event.preventDefault()` skips the action. */
  onConnectClick?: (event: MouseEvent<HTMLButtonElement>) => void;
  /** Runs before mute/unmute; `event.preventDefault()` skips the action. */
  onMuteClick?: (event: MouseEvent<HTMLButtonElement>) => void;
  /** An explicit session instead of the provider's. */
  session?: RealtimeSession;
}

/** What {@link useSessionControls} returns. */
export interface UseSessionControlsResult {
  status: ConnectionStatus;
  muted: boolean;
  /** True while connecting or connected: the main button then disconnects. */
  active: boolean;
  labels: SessionControlsLabels;
  /** The main button's text: `connecting`, `disconnect` while active, else `connect`. */
  connectLabel: string;
  connectButtonProps: ButtonHTMLAttributes<HTMLButtonElement> & { 'data-action': 'connect' | 'disconnect' };
  muteButtonProps: ButtonHTMLAttributes<HTMLButtonElement>;
}

/**
 * Headless connect/disconnect and mute toggles, LiveKit style: state plus button props, so a
 * design system's own buttons get the same behaviour and accessibility (`aria-pressed`).
 *
 * @example
 * ```tsx
 * const { connectButtonProps, connectLabel } = useSessionControls();
 * return <MyButton {...connectButtonProps}>{connectLabel}</MyButton>;
 * ```
 */
export function useSessionControls(options: UseSessionControlsOptions = {}): UseSessionControlsResult {
  const { session, onConnectClick, onMuteClick } = options;
  const sessionOptions = session ? { session } : undefined;
  const actions = useRealtimeSession(sessionOptions);
  const { status } = useConnectionState(sessionOptions);
  const muted = useRealtimeState((state) => state.muted, sessionOptions);
  const labels = { ...defaultSessionControlsLabels, ...options.labels };
  const active = status === 'connecting' || status === 'connected';

  const { connect, disconnect, setMuted } = actions;
  const toggleConnection = useCallback(() => {
    if (active) disconnect();
    // A failed connect is reported through the session's status and error, not thrown here.
    else connect().catch(() => undefined);
  }, [active, connect, disconnect]);
  const toggleMute = useCallback(() => setMuted(!muted), [muted, setMuted]);

  return {
    status,
    muted,
    active,
    labels,
    connectLabel: status === 'connecting' ? labels.connecting : active ? labels.disconnect : labels.connect,
    connectButtonProps: {
      type: 'button',
      'data-action': active ? 'disconnect' : 'connect',
      'aria-busy': status === 'connecting' || undefined,
      onClick: composeEventHandlers(onConnectClick, toggleConnection),
    },
    muteButtonProps: {
      type: 'button',
      'aria-pressed': muted,
      disabled: status !== 'connected',
      onClick: composeEventHandlers(onMuteClick, toggleMute),
    },
  };
}
