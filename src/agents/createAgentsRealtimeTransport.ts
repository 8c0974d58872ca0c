import type { RealtimeSession as AgentsRealtimeSession, RealtimeSessionConnectOptions } from '@openai/agents-realtime';
import type { ClientEvent } from '../core/protocol/index.ts';
import type { PlaybackReporting, RealtimeTransport } from '../core/transport/RealtimeTransport.ts';
import { createTransportEmitter } from '../core/transport/createTransportEmitter.ts';
import { createTransportLifecycle, type ConnectAttempt } from '../core/transports/createTransportLifecycle.ts';
import { RealtimeTransportError } from '../core/transport/RealtimeTransportError.ts';
import { validateTimerDurations } from '../core/protocol/timerDuration.ts';
import { keepTurnDetectionInAgentsConfig } from './keepTurnDetectionInAgentsConfig.ts';
import { refusedClientTools, withoutEmptyTools } from './refuseClientTools.ts';
import { agentsConnectError, watchAgentsErrors, withoutSecrets } from './agentsErrors.ts';

/**
 * Options of {@link createAgentsRealtimeTransport}.
 *
 * @example
 * ```ts
 * const options: AgentsRealtimeTransportOptions = {
 *   session: agentSession,
 *   connectOptions: { apiKey: fetchClientSecret },
 * };
 * ```
 */
export interface AgentsRealtimeTransportOptions {
  /** The Agents SDK session. It keeps owning its agents, tools, handoffs and guardrails. */
  session: AgentsRealtimeSession;
  /**
   * What `connect()` passes to the SDK's `session.connect()`: usually `{ apiKey }`, a client
   * secret or a function that fetches one. Omit it when the SDK session was given `apiKey`.
   */
  connectOptions?: RealtimeSessionConnectOptions;
  /**
   * Give up connecting after this long, in milliseconds (0 to 2147483647, the longest delay a
   * timer holds). Default 15000. Anything else throws a `RealtimeConfigError` here.
   */
  connectTimeoutMs?: number;
}

/**
 * The transport {@link createAgentsRealtimeTransport} returns: a kit `RealtimeTransport`, plus
 * the SDK session it drives.
 *
 * @example
 * ```ts
 * const transport: AgentsRealtimeTransport = createAgentsRealtimeTransport({ session: agentSession });
 * transport.agentSession.on('agent_handoff', () => console.log('handed off'));
 * ```
 */
export interface AgentsRealtimeTransport extends RealtimeTransport {
  /** The SDK session given in the options. */
  readonly agentSession: AgentsRealtimeSession;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;

/**
 * Run the kit on an OpenAI Agents SDK session (`@openai/agents-realtime`): a `RealtimeTransport`
 * that connects and disconnects through the SDK's `RealtimeSession`, sends the kit's client
 * events through the SDK's transport, and hands the kit every raw server event the SDK's
 * transport receives. The SDK keeps running agents, tools and handoffs; the kit adds typed
 * events, the idle policy, the transcript, the hooks and the components.
 *
 * The idle timeout survives the SDK's own session updates: every turn detection the kit sends
 * (with `idle_timeout_ms`) is also written into the SDK session's `options.config`, which the SDK
 * sends again on each update (a handoff, `updateAgent`), so they no longer turn it off.
 *
 * End the session with the kit's `disconnect()`: a close the kit did not ask for (the SDK's
 * `session.close()`, a dropped socket) reads as a lost connection.
 *
 * Tools are the SDK's: it runs its agents' tools and answers every function call, so the kit's
 * client tools (`defineTool`, `registerTool`, function tools in `updateSession`) are refused:
 * nothing is sent and the session ends with `client_tools_unsupported`. See docs/agents.md.
 *
 * @example
 * ```ts
 * import { RealtimeAgent, RealtimeSession } from '@openai/agents-realtime';
 * import { createRealtimeSession } from 'react-realtime-kit';
 * import { createAgentsRealtimeTransport } from 'react-realtime-kit/agents';
 *
 * const agent = new RealtimeAgent({ name: 'Assistant', instructions: 'Be brief.' });
 * const agentSession = new RealtimeSession(agent, { transport: 'webrtc' });
 * const session = createRealtimeSession({
 *   transport: createAgentsRealtimeTransport({
 *     session: agentSession,
 *     connectOptions: { apiKey: () => fetch('/api/session').then((r) => r.json()).then((s) => s.value) },
 *   }),
 *   idle: { timeoutMs: 10_000 },
 * });
 * await session.connect();
 * ```
 */
export function createAgentsRealtimeTransport(options: AgentsRealtimeTransportOptions): AgentsRealtimeTransport {
  const { session: agentSession, connectOptions, connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS } = options;
  // A config mistake throws here, at creation, not as a connect that times out after 1 ms
  // (a timer holding Infinity or more than 2^31 - 1 ms fires at once).
  validateTimerDurations({ connectTimeoutMs: options.connectTimeoutMs });
  const sdkTransport = agentSession.transport;
  const emitter = createTransportEmitter();
  const lifecycle = createTransportLifecycle(emitter);
  /** The attempt that is connecting or open, to end it from `send`. */
  let current: ConnectAttempt | null = null;
  /** The key of the latest connect, kept to take it out of what the kit reports. */
  const secrets: string[] = [];
  const remember = (key: string) => {
    secrets[0] = key;
    return key;
  };
  // The options of the SDK's connect(), with the key (yours, or the SDK session's) seen on its way.
  const rememberingTheKey = (): RealtimeSessionConnectOptions => {
    const apiKey = connectOptions?.apiKey ?? agentSession.options.apiKey;
    const options = { ...connectOptions } as RealtimeSessionConnectOptions;
    if (typeof apiKey === 'string') options.apiKey = remember(apiKey);
    else if (typeof apiKey === 'function') options.apiKey = async () => remember(await apiKey());
    return options;
  };
  // The SDK's WebRTC transport plays audio in the browser and the server reports playback
  // (`output_audio_buffer.*`); its WebSocket transport leaves audio to the app.
  // A custom transport layer need not have `connectionState` (it is not in the SDK's interface).
  const connectionState = (sdkTransport as { connectionState?: unknown }).connectionState;
  const playbackReporting: PlaybackReporting =
    typeof connectionState === 'object' && connectionState !== null && 'peerConnection' in connectionState ? 'server' : 'none';

  const transport: AgentsRealtimeTransport = {
    agentSession,
    playbackReporting,
    // The SDK answers every function call: a kit tool runtime left without tools (one registered,
    // then removed) must not answer the agent's calls and handoffs as unknown tools.
    answersToolCalls: true,
    connect: ({ signal }) =>
      lifecycle.connect(signal, { timeoutMs: connectTimeoutMs, label: 'The Agents SDK could not connect' }, async (attempt) => {
        const onMessage = (event: object) => {
          if (attempt.current) emitter.emit('message', withoutSecrets(event, secrets));
        };
        const lost = () => lifecycle.lost(attempt, 'socket_closed', 'The Agents SDK session closed the connection.');
        // A failed connect rejects the SDK's connect() and closes its transport in the same turn
        // (the WebRTC transport on a refused key); the rejection, which carries the reason,
        // settles on a microtask, so while connecting the close waits a task to come second.
        const onDisconnected = () => (lifecycle.state === 'connecting' ? setTimeout(lost, 0) : lost());
        sdkTransport.on('*', onMessage);
        sdkTransport.on('disconnected', onDisconnected);
        const stopWatchingErrors = watchAgentsErrors(agentSession, () => lifecycle.state === 'open' && attempt.current);
        current = attempt;
        attempt.hold(() => {
          if (current === attempt) current = null;
          sdkTransport.off('*', onMessage);
          sdkTransport.off('disconnected', onDisconnected);
          stopWatchingErrors();
          agentSession.close();
        });
        try {
          await agentSession.connect(rememberingTheKey());
        } catch (cause) {
          throw agentsConnectError(cause, secrets);
        }
        attempt.check();
        // The SDK's connect() resolves without connecting when its session was closed meanwhile
        // (the app's own `agentSession.close()` while it prepared the agent).
        if (sdkTransport.status !== 'connected') {
          throw new RealtimeTransportError('connect_failed', 'The Agents SDK could not connect: its session was closed while connecting.');
        }
        // The SDK's WebRTC transport remembers `muted` but opens each connection's microphone
        // track live: a user muted before a reconnect would be heard while the kit shows muted.
        if (agentSession.muted === true) agentSession.mute(true);
      }),
    send(event: ClientEvent) {
      if (event.type === 'session.update') {
        const refusal = refusedClientTools(event.session);
        if (refusal !== null) {
          // Nothing is sent, and the connection ends with this reason (after the session has
          // reported the failed send), so no tool call can be answered twice.
          const attempt = current;
          if (attempt) queueMicrotask(() => lifecycle.lost(attempt, 'client_tools_unsupported', refusal));
          throw new RealtimeTransportError('unsupported', refusal);
        }
        keepTurnDetectionInAgentsConfig(agentSession, event.session);
        const session = withoutEmptyTools(event.session);
        if (session !== event.session) {
          sdkTransport.sendEvent({ ...event, session });
          return;
        }
      }
      sdkTransport.sendEvent(event);
    },
    close() {
      lifecycle.close();
    },
    on: emitter.on,
    interrupt() {
      agentSession.interrupt();
      // The SDK's WebSocket transport cancels only a response whose audio it has received: a
      // response still thinking, or answering in text, would run on. Its `_cancelResponse` sends
      // `response.cancel` only while a response runs and not twice, so after `interrupt()` it
      // adds exactly the missing cancel. (Its WebRTC transport always cancels and has no such method.)
      const cancelResponse = (sdkTransport as { _cancelResponse?: () => void })._cancelResponse;
      if (typeof cancelResponse === 'function') cancelResponse.call(sdkTransport);
    },
  };
  // Only the SDK's WebRTC transport mutes (its WebSocket transport throws: the app owns the microphone).
  if (sdkTransport.muted !== null) transport.setMuted = (muted) => agentSession.mute(muted);
  return transport;
}
