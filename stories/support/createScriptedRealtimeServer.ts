import type { OpenAIRealtimeWebSocketOptions } from '@openai/agents-realtime';
import type { ClientEvent, Clock } from '../../src/index.ts';
import { play, scenario } from '../../src/testing/index.ts';
import type { PlayController, ScenarioTarget, Timeline } from '../../src/testing/index.ts';

/** Options of {@link createScriptedRealtimeServer}. */
export interface ScriptedRealtimeServerOptions {
  /** Times the server: the socket's opening, its answers and the conversation. */
  clock: Clock;
  /**
   * The conversation, from a `scenario()` builder (without session events: the server makes
   * `session.created` and answers each `session.update` itself). Called for each connection
   * (a fresh builder makes fresh item ids) and played from the moment the socket opens; its
   * tool calls wait for the client's outputs, as a real server would.
   */
  timeline: () => Timeline;
  /** How long the socket takes to open, so "Connecting…" shows. Default 300. */
  openDelayMs?: number;
}

/**
 * The SDK's `createWebSocket` option. Its `WebSocket` type is the browser's in a browser build
 * and the `ws` package's under Node's types (which this project type-checks with).
 */
type CreateWebSocket = NonNullable<OpenAIRealtimeWebSocketOptions['createWebSocket']>;
type SdkWebSocket = Awaited<ReturnType<CreateWebSocket>>;

/** A scripted Realtime server behind a fake `WebSocket`. */
export interface ScriptedRealtimeServer {
  /** For the Agents SDK: `new OpenAIRealtimeWebSocket({ createWebSocket: server.createWebSocket })`. */
  createWebSocket: CreateWebSocket;
  /** Hear each client event as it arrives; returns the unsubscribe. */
  onReceived(listener: (event: ClientEvent) => void): () => void;
  /** Stop playing and close the socket (the story unmounted). */
  stop(): void;
}

const ANSWER_DELAY_MS = 40;

type JsonObject = Record<string, unknown>;

// WebSocket's readyState values (spelled out: the fake must not depend on a WebSocket global).
const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `session.update` is a partial update: nested objects merge, everything else is replaced. */
function mergeSession(current: JsonObject, update: JsonObject): JsonObject {
  const merged: JsonObject = { ...current };
  for (const [key, value] of Object.entries(update)) {
    const before = merged[key];
    merged[key] = isObject(before) && isObject(value) ? mergeSession(before, value) : value;
  }
  return merged;
}

/** A new server session as `session.created` shows it (GA shape, server VAD, no idle timeout yet). */
function freshSession(): JsonObject {
  const [created] = scenario().sessionCreated({ model: 'gpt-realtime' }).build();
  return created && 'event' in created ? { ...(created.event as { session: JsonObject }).session } : {};
}

/**
 * The socket the SDK holds. A real browser `WebSocket` fires its events later, never inside
 * the call that caused them; so does this one.
 */
class ScriptedSocket extends EventTarget {
  readyState: number = CONNECTING;
  readonly protocol = 'realtime';

  constructor(
    private readonly hear: (data: string) => void,
    private readonly hangUp: () => void,
  ) {
    super();
  }

  send(data: string): void {
    if (this.readyState !== OPEN) throw new Error('The scripted socket is not open.');
    this.hear(data);
  }

  close(): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.hangUp();
    queueMicrotask(() => this.dispatchEvent(new CloseEvent('close', { code: 1000, wasClean: true })));
  }
}

/**
 * A fake Realtime server for the Agents SDK's WebSocket transport, so a story runs a real
 * `RealtimeSession` with no network and no API key. It speaks the GA protocol: on open it
 * sends `session.created`; it answers every `session.update` with `session.updated` holding
 * the session as updated, a `conversation.item.create` with the item added and done, a
 * `conversation.item.retrieve` with the item; and it plays a timeline from the kit's scenario
 * builder (which waits for the client's tool outputs and `response.create` before a follow-up
 * answer, as a real server does).
 *
 * Nothing is heard: the timeline's audio deltas reach the SDK, whose WebSocket transport leaves
 * playback to the app (it only emits `audio` events), and the timeline's playback steps (what a
 * player would report) are dropped.
 *
 * @example
 * ```ts
 * const server = createScriptedRealtimeServer({ clock, timeline: () => scenario().userSays('Hi').build() });
 * const transport = new OpenAIRealtimeWebSocket({ createWebSocket: server.createWebSocket });
 * ```
 */
export function createScriptedRealtimeServer(options: ScriptedRealtimeServerOptions): ScriptedRealtimeServer {
  const { clock, timeline, openDelayMs = 300 } = options;
  const receivedListeners = new Set<(event: ClientEvent) => void>();
  let session: JsonObject = {};
  let socket: ScriptedSocket | undefined;
  let playback: PlayController | undefined;
  let eventCount = 0;

  /** The conversation's items as last sent, by id: what `conversation.item.retrieve` asks for. */
  const items = new Map<string, JsonObject>();
  let lastItemId: string | null = null;
  let createdCount = 0;

  const deliver = (event: object | string): boolean => {
    if (socket?.readyState !== OPEN) return false;
    const { type, item } = (typeof event === 'string' ? {} : event) as { type?: string; item?: unknown };
    if (isObject(item) && typeof item.id === 'string') {
      items.set(item.id, item);
      if (type === 'conversation.item.added') lastItemId = item.id;
    }
    const data = typeof event === 'string' ? event : JSON.stringify(event);
    socket.dispatchEvent(new MessageEvent('message', { data }));
    return true;
  };
  const serverEvent = (type: string, fields: JsonObject) => ({ type, event_id: `event_server_${++eventCount}`, ...fields });

  // A server answers later, never inside the client's send().
  const answer = (event: object) => clock.setTimeout(() => deliver(event), ANSWER_DELAY_MS);

  const hear = (data: string) => {
    const event = JSON.parse(data) as ClientEvent;
    for (const listener of receivedListeners) listener(event);
    if (event.type === 'session.update' && isObject(event.session)) {
      session = mergeSession(session, event.session);
      answer(serverEvent('session.updated', { session }));
    } else if (event.type === 'conversation.item.create') {
      // The item joins the conversation (a tool's output, typed text): the server confirms it.
      const item = { ...event.item, id: event.item.id ?? `item_client_${++createdCount}`, object: 'realtime.item', status: 'completed' };
      const previous_item_id = event.previous_item_id !== undefined ? event.previous_item_id : lastItemId;
      answer(serverEvent('conversation.item.added', { previous_item_id, item }));
      answer(serverEvent('conversation.item.done', { previous_item_id, item }));
    } else if (event.type === 'conversation.item.retrieve') {
      // The SDK asks for a user item once its transcription is complete, to rebuild its history.
      const item = items.get(event.item_id);
      if (item) answer(serverEvent('conversation.item.retrieved', { item }));
    }
  };

  const hangUp = () => {
    playback?.stop();
    playback = undefined;
  };

  // What `play()` drives: the server's side of the socket.
  const target: ScenarioTarget = {
    emit: (event) => deliver(event),
    // A timeline's `disconnect()`: the connection goes away.
    drop: () => socket?.close(),
    // The SDK's WebSocket transport plays no audio: there is no player to report.
    emitPlayback: () => false,
    onSent: (listener) => {
      receivedListeners.add(listener);
      return () => receivedListeners.delete(listener);
    },
  };

  const open = (opening: ScriptedSocket) => {
    if (socket !== opening || opening.readyState !== CONNECTING) return;
    session = freshSession();
    items.clear();
    lastItemId = null;
    opening.readyState = OPEN;
    opening.dispatchEvent(new Event('open'));
    deliver(serverEvent('session.created', { session }));
    playback = play(timeline(), { transport: target, clock });
  };

  return {
    createWebSocket: async () => {
      const opening = new ScriptedSocket(hear, hangUp);
      socket = opening;
      clock.setTimeout(() => open(opening), openDelayMs);
      // It has what the SDK uses of a WebSocket: events, send, close, readyState.
      return opening as unknown as SdkWebSocket;
    },
    onReceived(listener) {
      receivedListeners.add(listener);
      return () => receivedListeners.delete(listener);
    },
    stop() {
      socket?.close();
    },
  };
}
