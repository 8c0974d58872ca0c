import { useEffect, useInsertionEffect, useRef, useState, type ReactNode } from 'react';
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
  tools?: never;
  unknownToolCalls?: never;
}

/**
 * Let the provider create the session from these options, own it, and close it on unmount.
 * The options are read once, when the provider mounts; to start over with other options, give
 * the provider a new `key` (in development, changing them after mount logs a warning once).
 * Switching between this and a given `session` also needs a new `key`; without one the
 * provider throws.
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

type ProviderMode = 'session' | 'options';

const describeMode = (mode: ProviderMode) =>
  mode === 'session' ? 'a given `session`' : '`transport`/`config`/`idle` (a session the provider creates and owns)';

/** Plain-data equality for `config` and `idle`: an inline object literal with the same content is not a change. */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) => Object.prototype.hasOwnProperty.call(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

function sameTools(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((tool, index) => tool === b[index]);
}

/**
 * Development only: warn once when the options of an owned session change after mount, since
 * the provider reads them once. `transport` and `clock` compare by identity, `config` and
 * `idle` by content, so an inline object literal does not warn.
 */
function useWarnWhenOptionsChange(props: RealtimeProviderProps): void {
  const [initial] = useState(() => ({ transport: props.transport, clock: props.clock, config: props.config, idle: props.idle, tools: props.tools }));
  const warned = useRef(false);
  const { session, transport, clock, config, idle, tools } = props;
  useEffect(() => {
    if (warned.current || session) return;
    const changed = [
      transport !== initial.transport && '`transport`',
      clock !== initial.clock && '`clock`',
      !sameData(config, initial.config) && '`config`',
      !sameData(idle, initial.idle) && '`idle`',
      // Tools compare one by one by identity: an inline array of the same tools is not a change.
      !sameTools(tools, initial.tools) && '`tools`',
    ].filter(Boolean);
    if (changed.length === 0) return;
    warned.current = true;
    console.warn(
      `RealtimeProvider: ${changed.join(', ')} changed after mount, but the provider reads its options once, ` +
        'when it creates the session, so the change is ignored. To apply it, give the provider a new `key` ' +
        '(it then creates a new session), or change the running session: `updateSession(patch)` for `config`, ' +
        '`setIdlePolicy(patch)` for `idle` (both from `useRealtimeSession()`), `useClientTool(tool)` for tools that come and go.',
    );
  }, [session, transport, clock, config, idle, tools, initial]);
}

const noWarnings = (): void => {};

// Checked once, at import: bundlers that define `process.env.NODE_ENV` as "production" drop the
// warning and its text; `typeof` keeps pages without a `process` global (plain ESM) working.
const useDevelopmentWarnings =
  typeof process !== 'undefined' && process.env.NODE_ENV !== 'production' ? useWarnWhenOptionsChange : noWarnings;

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
      serverEvents: props.serverEvents,
      tools: props.tools,
      unknownToolCalls: props.unknownToolCalls,
    });
  });
  // The mode is fixed at mount: the owned session is created once, and a given session is never
  // closed by the provider, so switching would leave one of them without an owner.
  const [mode] = useState<ProviderMode>(external ? 'session' : 'options');
  const currentMode: ProviderMode = external ? 'session' : 'options';
  if (currentMode !== mode) {
    throw new Error(
      `RealtimeProvider: switching from ${describeMode(mode)} to ${describeMode(currentMode)} is not supported. ` +
        'Give the provider a new `key` when you switch, so that it remounts in the other mode.',
    );
  }
  useDevelopmentWarnings(props);
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
