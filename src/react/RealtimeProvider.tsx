import { useEffect, useInsertionEffect, useState, type ReactNode } from 'react';
import { createRealtimeSession } from '../core/session/index.ts';
import type { CreateRealtimeSessionOptions, RealtimeSession } from '../core/session/types.ts';
import { BoundSessionActions } from './createSessionActions.ts';
import { RealtimeActionsContext } from './RealtimeActionsContext.ts';
import { RealtimeSessionContext } from './RealtimeSessionContext.ts';

interface CommonProps {
  children?: ReactNode;
  /**
   * Connect when the provider mounts (once, also under `<StrictMode>`). Default false: most
   * apps connect from a click, which browsers require before using the microphone anyway.
   */
  autoConnect?: boolean;
}

/** Give the provider a session you created; you keep ownership and close it yourself. */
export interface RealtimeProviderSessionProps extends CommonProps {
  session: RealtimeSession;
  transport?: never;
  config?: never;
  idle?: never;
  clock?: never;
}

/**
 * Let the provider create the session from these options, own it, and close it on unmount.
 * The options are read once, when the provider mounts; to start over with other options, give
 * the provider a new `key`.
 */
export interface RealtimeProviderOptionsProps extends CommonProps, CreateRealtimeSessionOptions {
  session?: never;
}

/** Props of {@link RealtimeProvider}: a `session`, or the options to create one. */
export type RealtimeProviderProps = RealtimeProviderSessionProps | RealtimeProviderOptionsProps;

// How many mounted providers hold each session. A provider closes the session it owns only when
// this drops to zero and stays there until the microtask after the unmount: React's StrictMode
// unmounts and remounts effects synchronously, so that remount cancels the close, while a real
// unmount (including one while connecting) closes exactly once.
const holds = new WeakMap<RealtimeSession, number>();
// Sessions this provider closed; a remount of the same provider (React <Activity>) reconnects.
const closedByProvider = new WeakSet<RealtimeSession>();

/**
 * Makes a realtime session available to the hooks and components below it.
 *
 * Either pass a `session` you created with `createRealtimeSession`, or pass its options
 * (`transport`, `config`, `idle`, `clock`): the provider then creates the session once, owns it
 * and closes it when it unmounts. Under `<StrictMode>` an owned session connects once and
 * closes once; unmounting while connecting leaves nothing open. Nothing runs during render
 * that needs a browser, so the provider renders on the server (connecting happens in effects).
 *
 * @example
 * ```tsx
 * const transport = createOpenAIWebRTCTransport({ getClientSecret: () => fetch('/api/realtime-token').then((r) => r.text()) });
 *
 * export function App() {
 *   return (
 *     <RealtimeProvider transport={transport} idle={{ timeoutMs: 8000, maxTimeouts: 2 }}>
 *       <ConnectButton />
 *       <IdleBanner />
 *       <TranscriptView />
 *     </RealtimeProvider>
 *   );
 * }
 * ```
 *
 * @example Sharing a session you own
 * ```tsx
 * const session = createRealtimeSession({ transport, config: { instructions: 'Be brief.' } });
 * root.render(<RealtimeProvider session={session} autoConnect><App /></RealtimeProvider>);
 * ```
 */
export function RealtimeProvider(props: RealtimeProviderProps): ReactNode {
  const { children, autoConnect = false } = props;
  const external = props.session;
  const [owned] = useState<RealtimeSession | null>(() => {
    if (props.session) return null;
    if (!props.transport) {
      throw new Error('RealtimeProvider needs either a `session` or a `transport` prop.');
    }
    return createRealtimeSession({
      transport: props.transport,
      config: props.config,
      idle: props.idle,
      clock: props.clock,
    });
  });
  const session = (external ?? owned) as RealtimeSession;
  const ownsSession = !external;

  // Actions read the session at call time so their identity never changes. Insertion effects
  // run before every other effect, so children's effects already reach a new session.
  const [bound] = useState(() => new BoundSessionActions(session));
  useInsertionEffect(() => {
    bound.setSession(session);
  }, [bound, session]);

  useEffect(() => {
    holds.set(session, (holds.get(session) ?? 0) + 1);
    if (autoConnect && (session.getState().status === 'idle' || closedByProvider.has(session))) {
      closedByProvider.delete(session);
      // Failures are in the session state (status `error`, `error`); nothing to do here.
      session.connect().catch(() => {});
    }
    return () => {
      holds.set(session, (holds.get(session) ?? 1) - 1);
      if (!ownsSession) return;
      queueMicrotask(() => {
        if ((holds.get(session) ?? 0) > 0) return;
        closedByProvider.add(session);
        session.disconnect();
      });
    };
  }, [session, ownsSession, autoConnect]);

  return (
    <RealtimeSessionContext.Provider value={session}>
      <RealtimeActionsContext.Provider value={bound.actions}>{children}</RealtimeActionsContext.Provider>
    </RealtimeSessionContext.Provider>
  );
}
