import type {
  IdlePolicy,
  IdleState,
  RealtimeSession,
  SelectedSessionEvent,
  SessionEvent,
  SessionEventSelector,
  SessionState,
  TranscriptItem,
  TranscriptState,
} from '../../../src/core/session/types.ts';
import type { RealtimeTransport } from '../../../src/core/transport/RealtimeTransport.ts';
import { createSilentAudioLevelMeter } from '../../../src/core/transport/audioLevels.ts';
import { createVirtualClock, type VirtualClock } from '../../../src/testing/createVirtualClock.ts';

/**
 * A small stand-in for `createRealtimeSession`, driven directly by the test (no protocol):
 * a store, an emitter that reports throwing handlers as `error` events, and a transport
 * lifecycle (connect / abort / close) so provider tests can count transport calls.
 */
export interface FakeSession extends RealtimeSession {
  readonly clock: VirtualClock;
  setState(patch: Partial<SessionState>): void;
  setIdle(patch: Partial<IdleState>): void;
  emit(event: SessionEvent): void;
  /** Append an item or replace the one with the same id; emits nothing. */
  putItem(item: TranscriptItem): void;
  /** Stream one assistant text delta into `itemId` (creating the item). */
  streamDelta(itemId: string, delta: string): void;
  calls: string[];
}

export function transcriptOf(items: readonly TranscriptItem[]): TranscriptState {
  const frozen = Object.freeze([...items]);
  return {
    items: frozen,
    length: frozen.length,
    version: 0,
    at: (i: number) => frozen.at(i),
    get: (id: string) => frozen.find((item) => item.id === id),
    indexOf: (id: string) => frozen.findIndex((item) => item.id === id),
  } as TranscriptState;
}

export const initialIdle: IdleState = {
  phase: 'off',
  timeouts: 0,
  last: null,
  deadline: null,
  endsAt: null,
  timeoutMs: null,
};

export function createFakeSession(options: { transport?: RealtimeTransport; clock?: VirtualClock } = {}): FakeSession {
  const clock = options.clock ?? createVirtualClock(0);
  let state: SessionState = {
    status: 'idle',
    error: null,
    session: null,
    transcript: transcriptOf([]),
    idle: initialIdle,
    userSpeaking: false,
    assistantSpeaking: false,
    responding: false,
    muted: false,
    microphoneDeviceId: null,
    agentState: 'disconnected',
    approvals: [],
  };
  let policy: IdlePolicy = { timeoutMs: null, clientFallback: 'auto', maxTimeouts: null, endGraceMs: 10000 };
  const listeners = new Set<(s: SessionState, p: SessionState) => void>();
  const handlers = new Set<{ types: Set<string>; handler: (e: SessionEvent) => void }>();
  let connecting: Promise<void> | null = null;
  let abort: AbortController | null = null;
  const calls: string[] = [];

  function set(next: SessionState) {
    const previous = state;
    state = next;
    for (const l of [...listeners]) l(state, previous);
  }
  function emit(event: SessionEvent, reporting = false) {
    for (const h of [...handlers]) {
      if (!h.types.has('*') && !h.types.has(event.type)) continue;
      try {
        h.handler(event);
      } catch (error) {
        if (!reporting) {
          emit({ type: 'error', error: { source: 'handler', code: 'handler_error', message: String(error), cause: error } }, true);
        }
      }
    }
  }
  function setStatus(status: SessionState['status']) {
    const previous = state.status;
    set({ ...state, status });
    emit({ type: 'status_changed', status, previous });
  }

  const session: FakeSession = {
    clock,
    calls,
    connect() {
      calls.push('connect');
      if (connecting) return connecting;
      setStatus('connecting');
      abort = new AbortController();
      const signal = abort.signal;
      const transport = options.transport;
      connecting = (transport ? transport.connect({ signal }) : Promise.resolve()).then(
        () => {
          if (signal.aborted) {
            transport?.close();
            return;
          }
          setStatus('connected');
        },
        () => {
          if (!signal.aborted) setStatus('error');
        },
      );
      return connecting;
    },
    disconnect() {
      calls.push('disconnect');
      if (!connecting) return;
      abort?.abort();
      connecting = null;
      options.transport?.close();
      setStatus('disconnected');
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    on<T extends SessionEventSelector>(type: T | readonly T[], handler: (event: SelectedSessionEvent<T>) => void) {
      const entry = {
        types: new Set<string>(typeof type === 'string' ? [type] : type),
        handler: handler as (e: SessionEvent) => void,
      };
      handlers.add(entry);
      return () => {
        handlers.delete(entry);
      };
    },
    sendText: (text) => calls.push(`sendText:${text}`),
    sendEvent: (event) => calls.push(`sendEvent:${event.type}`),
    updateSession: () => calls.push('updateSession'),
    interrupt: () => calls.push('interrupt'),
    setMuted(muted) {
      calls.push(`setMuted:${muted}`);
      set({ ...state, muted });
    },
    stillHere() {
      calls.push('stillHere');
      set({ ...state, idle: { ...state.idle, timeouts: 0, endsAt: null, phase: 'listening' } });
    },
    setIdlePolicy(patch) {
      calls.push(`setIdlePolicy:${JSON.stringify(patch)}`);
      policy = { ...policy, ...patch };
    },
    getIdlePolicy: () => policy,
    registerTool(tool) {
      calls.push(`registerTool:${tool.name}`);
      return () => calls.push(`unregisterTool:${tool.name}`);
    },
    respondToApproval(id, approve) {
      calls.push(`respondToApproval:${id}:${approve}`);
    },
    setMicrophoneDevice(deviceId) {
      calls.push(`setMicrophoneDevice:${deviceId}`);
      set({ ...state, microphoneDeviceId: deviceId });
      return Promise.resolve();
    },
    openAudioLevels: (levelOptions) =>
      options.transport?.openAudioLevelMeter?.({ bands: levelOptions?.bands ?? 0 }) ?? createSilentAudioLevelMeter(),
    setState: (patch) => set({ ...state, ...patch }),
    setIdle: (patch) => set({ ...state, idle: { ...state.idle, ...patch } }),
    emit: (event) => emit(event),
    putItem(item) {
      const items = state.transcript.items;
      const i = items.findIndex((x) => x.id === item.id);
      const next = i < 0 ? [...items, item] : items.map((x, j) => (j === i ? item : x));
      set({ ...state, transcript: transcriptOf(next) });
    },
    streamDelta(itemId, delta) {
      const existing = state.transcript.items.find((x) => x.id === itemId);
      const text = (existing?.text ?? '') + delta;
      session.putItem({
        id: itemId,
        role: 'assistant',
        kind: 'message',
        text,
        status: 'in_progress',
        previousItemId: null,
      });
      emit({ type: 'transcript_delta', itemId, role: 'assistant', delta, text });
    },
  };
  return session;
}
