// A fake Realtime server behind the Agents SDK's real classes: `OpenAIRealtimeWebSocket` is given
// a socket through its `createWebSocket` option, so the SDK runs its own code end to end (its
// parsing, its response.create sequencing, its tools and handoffs) and the kit runs on top
// through `createAgentsRealtimeTransport`. What the server answers is a fact of the wire
// (PROTOCOL.md; the sequences in test/fixtures/agentsSdk.ts), not of the SDK.
import { OpenAIRealtimeWebSocket, RealtimeAgent, RealtimeSession, type RealtimeSessionOptions } from '@openai/agents-realtime';
import { createAgentsRealtimeTransport, type AgentsRealtimeTransportOptions } from '../../src/agents/index.ts';
import { createRealtimeSession, type CreateRealtimeSessionOptions, type SessionEvent } from '../../src/core/session/index.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';

type Listener = (event: unknown) => void;
type WireEvent = Record<string, unknown> & { type: string };

/** What the fake server does when the socket is created. */
export type ServerBehaviour =
  /** Opens, then sends `session.created` (a real server's first message). */
  | 'open'
  /** Never opens (a connect that hangs). */
  | 'hang'
  /** Fires `error` then `close` before opening (refused, bad key). */
  | 'refuse';

/**
 * The socket the SDK talks to: the browser `WebSocket` surface it uses (addEventListener,
 * send, close). `close()` fires `close` on a later task, as a real socket does.
 */
export class FakeRealtimeSocket {
  /** Every client event the SDK wrote, decoded, in order. */
  readonly sent: WireEvent[] = [];
  closed = false;
  private readonly listeners = new Map<string, Set<Listener>>();
  private sessionCount = 0;
  private itemCount = 0;

  constructor(private readonly behaviour: ServerBehaviour) {
    setTimeout(() => this.start(), 0);
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  /** How many listeners are attached, all types together. */
  listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  send(data: string): void {
    if (this.closed) throw new Error('send on a closed socket');
    const event = JSON.parse(data) as WireEvent;
    this.sent.push(event);
    // A server confirms each session.update with the whole session (here: what was sent).
    if (event.type === 'session.update') {
      queueMicrotask(() => this.serverSends({ type: 'session.updated', event_id: `event_su_${++this.sessionCount}`, session: event.session }));
    }
    // ...and adds each created item to the conversation (a tool's output included), with an id.
    if (event.type === 'conversation.item.create') {
      const item = { id: `item_created_${++this.itemCount}`, object: 'realtime.item', status: 'completed', ...(event.item as object) };
      queueMicrotask(() => {
        this.serverSends({ type: 'conversation.item.added', event_id: `event_ia_${this.itemCount}`, previous_item_id: null, item });
        this.serverSends({ type: 'conversation.item.done', event_id: `event_id_${this.itemCount}`, previous_item_id: null, item });
      });
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    setTimeout(() => this.dispatch('close', { code: 1000, reason: '', wasClean: true }), 0);
  }

  /** The server sends one event (an object, or raw text for malformed input). */
  serverSends(event: WireEvent | string): void {
    if (this.closed) return;
    this.dispatch('message', { data: typeof event === 'string' ? event : JSON.stringify(event) });
  }

  /** The connection drops without anyone closing it (network loss). */
  drop(): void {
    this.closed = true;
    this.dispatch('close', { code: 1006, reason: '', wasClean: false });
  }

  /** The client events of one type the SDK wrote. */
  sentOfType(type: string): WireEvent[] {
    return this.sent.filter((event) => event.type === type);
  }

  private start(): void {
    if (this.behaviour === 'hang' || this.closed) return;
    if (this.behaviour === 'refuse') {
      this.dispatch('error', new Error('Unexpected server response: 401'));
      this.closed = true;
      this.dispatch('close', { code: 1006, reason: '', wasClean: false });
      return;
    }
    this.dispatch('open', {});
    this.serverSends({
      type: 'session.created',
      event_id: 'event_created',
      session: { type: 'realtime', object: 'realtime.session', id: 'sess_1', model: 'gpt-realtime', tracing: null },
    });
  }

  private dispatch(type: string, event: unknown): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener(event);
  }
}

export interface AgentsHarnessOptions {
  agent?: RealtimeAgent;
  /** Options of the SDK's `RealtimeSession` (the transport is the harness's). */
  sdk?: Partial<Omit<RealtimeSessionOptions, 'transport'>>;
  /** Options of the kit's session (the transport is the harness's). */
  kit?: Omit<CreateRealtimeSessionOptions, 'transport' | 'clock'>;
  /** Options of the adapter (the session is the harness's). */
  adapter?: Omit<AgentsRealtimeTransportOptions, 'session'>;
  behaviour?: ServerBehaviour | (() => ServerBehaviour);
}

/** The SDK's real session over a fake socket, the adapter, and the kit's real session on a virtual clock. */
export function createAgentsHarness(options: AgentsHarnessOptions = {}) {
  const sockets: FakeRealtimeSocket[] = [];
  const behaviour = options.behaviour ?? 'open';
  const sdkTransport = new OpenAIRealtimeWebSocket({
    createWebSocket: async () => {
      const socket = new FakeRealtimeSocket(typeof behaviour === 'function' ? behaviour() : behaviour);
      sockets.push(socket);
      return socket as never;
    },
  });
  const agent = options.agent ?? new RealtimeAgent({ name: 'Assistant', instructions: 'Be brief.' });
  const agentSession = new RealtimeSession(agent, { ...options.sdk, transport: sdkTransport });
  const transport = createAgentsRealtimeTransport({
    session: agentSession,
    connectOptions: { apiKey: 'ek_test_secret' },
    ...options.adapter,
  });
  const clock = createVirtualClock();
  const session = createRealtimeSession({ ...options.kit, transport, clock });
  return {
    agentSession,
    sdkTransport,
    transport,
    session,
    clock,
    sockets,
    /** The socket of the latest connection. */
    get socket(): FakeRealtimeSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket yet');
      return socket;
    },
  };
}

/** Let timers of zero delay and promises run (the fake socket's open, the SDK's async steps). */
/** A harness whose kit session is connected, with every session event it emitted in `events`. */
export async function connectAgentsHarness(options: AgentsHarnessOptions = {}) {
  const harness = createAgentsHarness(options);
  const events: SessionEvent[] = [];
  harness.session.on('*', (event) => events.push(event));
  await harness.session.connect();
  await settle();
  return { ...harness, events };
}

export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The `turn_detection` of a `session.update` (GA: `audio.input.turn_detection`). */
export function turnDetectionOf(event: WireEvent | undefined): Record<string, unknown> | null | undefined {
  const session = event?.session as { audio?: { input?: { turn_detection?: Record<string, unknown> | null } } } | undefined;
  return session?.audio?.input?.turn_detection;
}
