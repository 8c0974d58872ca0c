import { expect } from 'vitest';
import { createRealtimeSession } from '../../../../src/core/session/index.ts';
import type { CreateRealtimeSessionOptions, RealtimeSession, SessionState } from '../../../../src/core/session/types.ts';
import { createMockTransport, type MockTransport, type MockTransportOptions } from '../../../../src/testing/createMockTransport.ts';
import { createVirtualClock, type VirtualClock } from '../../../../src/testing/createVirtualClock.ts';
import type { Timeline } from '../../../../src/testing/scenario/index.ts';

/**
 * A session on the mock transport that records every change of `state.agentState` as
 * `"<what caused it>: <new agent state>"`, so a test compares the whole sequence with a table.
 */
export interface AgentStateRun {
  session: RealtimeSession;
  transport: MockTransport;
  clock: VirtualClock;
  /** The changes recorded since the last call. */
  take(): string[];
  /** Run `fn`, and label the changes it causes. */
  step(label: string, fn: () => void): void;
  connect(): Promise<void>;
  /** Deliver wire events, each labelled by its type. */
  wire(...events: { type: string }[]): void;
  /** Play a scenario timeline step by step, moving the clock to each step's time first (label `clock`). */
  play(timeline: Timeline): void;
}

export function runAgentState(
  options: Omit<CreateRealtimeSessionOptions, 'transport' | 'clock'> & { transport?: MockTransportOptions } = {},
): AgentStateRun {
  const clock = createVirtualClock(1000);
  const { transport: transportOptions, ...sessionOptions } = options;
  const transport = createMockTransport({ clock, ...transportOptions });
  const session = createRealtimeSession({ ...sessionOptions, transport, clock });
  let label = 'create';
  let changes: string[] = [];
  // A listener's throw would become a session `error` event: collect, assert in take().
  const violations: string[] = [];
  session.subscribe((state, previous) => {
    const violation = inconsistency(state);
    if (violation) violations.push(`${label}: ${violation}`);
    if (state.agentState !== previous.agentState) changes.push(`${label}: ${state.agentState}`);
  });
  const step = (name: string, fn: () => void) => {
    label = name;
    try {
      fn();
    } finally {
      label = 'unlabelled';
    }
  };
  return {
    session,
    transport,
    clock,
    take() {
      expect(violations).toEqual([]);
      const taken = changes;
      changes = [];
      return taken;
    },
    step,
    async connect() {
      label = 'connect';
      await session.connect();
      label = 'unlabelled';
    },
    wire(...events) {
      for (const event of events) step(event.type, () => transport.emit(event));
    },
    play(timeline) {
      const start = clock.now();
      for (const s of timeline) {
        step('clock', () => clock.advanceTo(start + s.atMs));
        if ('event' in s) step(s.event.type, () => transport.emit(s.event));
        else if ('playback' in s) step(`playback.${s.playback.type}`, () => transport.emitPlayback(s.playback));
        else if ('transport' in s) step('drop', () => transport.drop(new Error(s.error)));
        // A wait step ends a timeline that waits for the app's answer: nothing more to play.
      }
    },
  };
}

/** What must hold in every snapshot, whatever the sequence: the agent state agrees with the state it comes from. */
function inconsistency(state: SessionState): string | null {
  const { agentState: agent, status } = state;
  const live = status === 'connected';
  if (live !== (agent !== 'disconnected' && agent !== 'connecting')) return `${agent} while ${status}`;
  if (status === 'connecting' && agent !== 'connecting') return `${agent} while connecting`;
  if (!live) return null;
  if ((agent === 'user_speaking') !== state.userSpeaking) return `${agent} with userSpeaking ${state.userSpeaking}`;
  if (agent === 'speaking' && !state.assistantSpeaking) return 'speaking without assistantSpeaking';
  if (agent === 'listening' && (state.assistantSpeaking || state.responding)) return 'listening while the assistant responds or speaks';
  return null;
}
