import type { ClientEvent, SessionConfig } from '../protocol/index.ts';
import type { RealtimeTransport } from '../transport/RealtimeTransport.ts';
import type { AudioLevelMeter, AudioLevelOptions } from '../transport/audioLevels.ts';
import type { Clock } from './clock.ts';
import type { ConnectionStatus } from './connection/connectionStatus.ts';
import type { RealtimeError } from './events/realtimeError.ts';
import type {
  CustomServerEvents,
  CustomServerEventSchemas,
  RealtimeSessionOn,
  RegisteredServerEvents,
} from './events/customServerEventTypes.ts';
import type { IdlePolicy, IdleState } from './idle/idleTypes.ts';
import type { TranscriptState } from './transcript/transcriptTypes.ts';
import type { AgentState } from './agentState/agentStateTypes.ts';
import type { McpApprovalRequest } from './approvals/approvalTypes.ts';
import type { AnyClientTool, UnknownToolCalls } from './tools/toolTypes.ts';

// The session object, its options and its state snapshot.

/**
 * Immutable snapshot. A new object only when something changed; unchanged parts keep identity,
 * so selectors (`state => state.idle`) let a component re-render only for what it reads.
 *
 * @example
 * ```ts
 * session.subscribe((state, previous) => {
 *   if (state.idle !== previous.idle) renderBanner(state.idle);
 * });
 * ```
 */
export interface SessionState {
  status: ConnectionStatus;
  /**
   * The last server or transport error (the session's health), cleared when a new `connect()`
   * starts. Protocol, handler and config errors are reported as `error` events only.
   */
  error: RealtimeError | null;
  /** The server's view of the session (from `session.created/updated`), or null. */
  session: SessionConfig | null;
  transcript: TranscriptState;
  idle: IdleState;
  userSpeaking: boolean;
  /** True while assistant audio is playing (not just being generated). */
  assistantSpeaking: boolean;
  /** True between `response.created` and `response.done`. */
  responding: boolean;
  muted: boolean;
  /**
   * The microphone chosen with `setMicrophoneDevice` (a `deviceId`), or null for the browser's
   * default. Set once the transport has switched to it.
   */
  microphoneDeviceId: string | null;
  /**
   * What the agent is doing, derived from the fields above at each commit (see
   * {@link AgentState} for the precedence): changes only when its value does.
   */
  agentState: AgentState;
  /**
   * Remote MCP tool calls waiting for the user's approval, oldest first (`mcp_approval_request`
   * items). One leaves when `respondToApproval` answers it or the connection ends.
   */
  approvals: readonly McpApprovalRequest[];
}

/**
 * Options of `createRealtimeSession`.
 *
 * @example
 * ```ts
 * const options: CreateRealtimeSessionOptions = {
 *   transport: createMockTransport(),
 *   config: { type: 'realtime', instructions: 'Be brief.' },
 *   idle: { timeoutMs: 8000 },
 * };
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}`: no custom server events
export interface CreateRealtimeSessionOptions<M extends CustomServerEventSchemas = {}> {
  transport: RealtimeTransport;
  /** Initial session config (GA wire shape), sent as `session.update` once connected. */
  config?: SessionConfig;
  /** Idle timeout policy. Omitted fields take documented defaults; omitted entirely = off. */
  idle?: Partial<IdlePolicy>;
  /** Time source; tests inject a virtual clock. Defaults to `Date.now` and `setTimeout`. */
  clock?: Clock;
  /**
   * Client tools (made with `defineTool`): declared in the session config on every connect and
   * kept declared through `updateSession`, run when the model calls them, answered with
   * `function_call_output` and one `response.create` per response. Add more later with
   * `registerTool` (or `useClientTool`).
   */
  tools?: readonly AnyClientTool[];
  /**
   * What to do with a call to a function no client tool has. Default `'error'`, or `'app'` on a
   * transport that answers tool calls itself (`answersToolCalls`: the Agents SDK adapter).
   */
  unknownToolCalls?: UnknownToolCalls;
  /**
   * Server events the kit does not know, taught by `defineServerEvents({ type: zodSchema })`:
   * each arrives validated, as its own typed session event (see "Custom server events" in the README).
   */
  serverEvents?: CustomServerEvents<M>;
}

/**
 * A running Realtime session: state snapshot, typed events and actions. Create one with
 * `createRealtimeSession`; actions never throw (failures become `error` events).
 *
 * @example
 * ```ts
 * const off = session.on(['speech_started', 'speech_stopped'], (e) => setTalking(e.type === 'speech_started'));
 * session.sendText('Hello!');
 * session.stillHere(); // from the idle banner's button
 * off();
 * ```
 */
export interface RealtimeSession {
  /**
   * Open the transport and send the initial config (with the idle timeout merged in). Safe to
   * call twice: returns the same promise while connecting or connected. Resolves once
   * connected, or when `disconnect()` cancelled the attempt; rejects when the connection fails
   * (the state says `error` too).
   */
  connect(): Promise<void>;
  /** Close the transport. Idempotent. */
  disconnect(): void;
  getState(): SessionState;
  /** Called after every state change with the new and previous snapshot. */
  subscribe(listener: (state: SessionState, previous: SessionState) => void): () => void;
  /**
   * Typed event subscription. `'*'` subscribes to every event. Returns an unsubscribe. The wire
   * types of `serverEvents` are names too, typed by their schemas (see
   * {@link RealtimeSessionWithEvents}; for the provider's session, `Register`).
   */
  on: RealtimeSessionOn<RegisteredServerEvents>;
  /**
   * Send a user text message and ask for a response. Counts as user activity for the idle policy.
   * While a conversation response runs, the message is added at once and its `response.create`
   * waits for that response's `response.done` (the server refuses a second active response);
   * texts sent meanwhile share one `response.create`, and a disconnect drops it.
   */
  sendText(text: string): void;
  /** Send any client event, validated first. */
  sendEvent(event: ClientEvent): void;
  /** Send a `session.update` with this patch (idle timeout validated and merged). */
  updateSession(patch: SessionConfig): void;
  /** Stop the assistant (cancel the response, stop playback). */
  interrupt(): void;
  setMuted(muted: boolean): void;
  /**
   * Switch the microphone (a `deviceId` from `navigator.mediaDevices.enumerateDevices()`, or
   * null, or `''`, for the default). While connected the transport swaps it into the running connection
   * without reconnecting; otherwise the next connect uses it. Resolves once switched (and
   * `state.microphoneDeviceId` says so); rejects with a `RealtimeTransportError`
   * (`microphone_denied`, `microphone_unavailable`, or `unsupported` for a transport that
   * cannot switch), keeping the old microphone, and reports the failure as an `error` event.
   */
  setMicrophoneDevice(deviceId: string | null): Promise<void>;
  /**
   * Start measuring live audio levels (microphone and assistant) for a visualizer; read the
   * meter once per frame and close it when done. Nothing is analysed while no meter is open.
   * A transport that cannot measure gives a meter that reads silence. `useAudioLevels` runs
   * the frame loop for you in React.
   */
  openAudioLevels(options?: AudioLevelOptions): AudioLevelMeter;
  /**
   * Add a client tool (made with `defineTool`) for as long as you need it; the returned function
   * removes it. The declared tools are sent in one `session.update` when the set changes while
   * connected (or with the next connect). A tool of the same name replaces the earlier one.
   */
  registerTool(tool: AnyClientTool): () => void;
  /**
   * Answer a remote MCP tool's approval request (an id from `state.approvals`): sends an
   * `mcp_approval_response` item and removes the request from `state.approvals`. An unknown id
   * is reported as an `error` event (code `unknown_approval`) and sends nothing.
   */
  respondToApproval(id: string, approve: boolean, reason?: string): void;
  /** The user is back: reset the consecutive count and cancel a pending end of session. */
  stillHere(): void;
  /** Change the idle policy at runtime (a new `timeoutMs` is sent through `session.update`). */
  setIdlePolicy(patch: Partial<IdlePolicy>): void;
  /** The effective idle policy. */
  getIdlePolicy(): IdlePolicy;
  /** The session's clock, so countdowns use the same time as deadlines. */
  readonly clock: Clock;
}

/**
 * A session created with custom server events (`serverEvents: defineServerEvents(...)`): a
 * `RealtimeSession` whose `on()` also takes their wire types, typed by their schemas. It is
 * still a `RealtimeSession`, so it goes wherever one does (the provider, the hooks' `session`).
 * Without custom events it is exactly `RealtimeSession`.
 *
 * @example
 * ```ts
 * const session: RealtimeSessionWithEvents<typeof serverEvents.schemas> = createRealtimeSession({ transport, serverEvents });
 * session.on('conversation.item.summary_ready', (event) => console.log(event.summary));
 * ```
 */
export type RealtimeSessionWithEvents<M extends CustomServerEventSchemas> = [keyof M] extends [never]
  ? RealtimeSession
  : // No names known (`ReturnType<typeof createRealtimeSession>` uses the constraint): a plain session.
    string extends keyof M
    ? RealtimeSession
    : {
        on: RealtimeSessionOn<M>;
        /** Type-only (never set): lets `useRealtimeEvents` infer the custom events from the session. */
        readonly '~serverEvents'?: M;
      } & RealtimeSession;
