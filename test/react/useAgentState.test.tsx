import { act, render, renderHook } from '@testing-library/react';
import { Profiler, StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import './helpers/autoCleanup.ts';
import type { ServerEvent } from '../../src/core/protocol/index.ts';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import type { AgentState } from '../../src/core/session/types.ts';
import { RealtimeProvider, useAgentState } from '../../src/react/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { isServerEventStep, scenario } from '../../src/testing/scenario/index.ts';
import { silenceRenderErrors } from './helpers/silenceRenderErrors.ts';

const TRANSCRIPT_DELTA = new Set(['response.output_audio_transcript.delta', 'response.output_text.delta']);

function createSession() {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock });
  const session = createRealtimeSession({ transport, clock });
  return { clock, transport, session };
}

function AgentStatus() {
  const agentState = useAgentState();
  return <p data-testid="agent">{agentState}</p>;
}

describe('useAgentState', () => {
  for (const modality of ['audio', 'text'] as const) {
    it(`renders once per change of the agent state, never for the 500 transcript deltas of a reply (${modality})`, async () => {
      const { clock, transport, session } = createSession();
      let renders = 0;
      const { getByTestId } = render(
        <RealtimeProvider session={session}>
          <Profiler id="agent" onRender={() => renders++}>
            <AgentStatus />
          </Profiler>
        </RealtimeProvider>,
      );
      await act(() => session.connect());
      expect(getByTestId('agent').textContent).toBe('listening');

      const reply = Array.from({ length: 500 }, (_, i) => `w${i} `);
      const events = scenario({ audio: 'placeholder' })
        .sessionCreated()
        .userSays('Tell me a long story')
        .assistantSays(reply.join(''), { deltas: reply, modality })
        .build()
        .filter(isServerEventStep);
      const first = events.findIndex((step) => TRANSCRIPT_DELTA.has(step.event.type));
      const last = events.findLastIndex((step) => TRANSCRIPT_DELTA.has(step.event.type));
      const deliver = (event: ServerEvent, atMs: number) =>
        act(() => {
          clock.advanceTo(atMs);
          transport.emit(event);
        });
      for (const step of events.slice(0, first)) deliver(step.event, step.atMs);
      expect(getByTestId('agent').textContent).toBe('thinking');

      // The reply streams, each wire message on its own: count the agent state's own changes.
      const changes: AgentState[] = [];
      const unsubscribe = session.subscribe((state, previous) => {
        if (state.agentState !== previous.agentState) changes.push(state.agentState);
      });
      renders = 0;
      for (const step of events.slice(first, last + 1)) deliver(step.event, step.atMs);
      unsubscribe();
      expect(events.slice(first, last + 1).filter((step) => TRANSCRIPT_DELTA.has(step.event.type))).toHaveLength(500);
      // Audio starts playing during the reply (one change); a text reply thinks throughout (none).
      expect(changes).toEqual(modality === 'audio' ? ['speaking'] : []);
      expect(renders).toBe(changes.length);
      expect(getByTestId('agent').textContent).toBe(modality === 'audio' ? 'speaking' : 'thinking');
      session.disconnect();
    });
  }

  it('follows the session under StrictMode', async () => {
    const { transport, session } = createSession();
    const seen: AgentState[] = [];
    function Recorder() {
      const agentState = useAgentState();
      seen.push(agentState);
      return <p data-testid="agent">{agentState}</p>;
    }
    const { getByTestId } = render(
      <StrictMode>
        <RealtimeProvider session={session}>
          <Recorder />
        </RealtimeProvider>
      </StrictMode>,
    );
    expect(getByTestId('agent').textContent).toBe('disconnected');
    await act(() => session.connect());
    expect(getByTestId('agent').textContent).toBe('listening');
    act(() => session.sendText('Hi'));
    expect(getByTestId('agent').textContent).toBe('thinking');
    act(() => {
      transport.emit({ type: 'input_audio_buffer.speech_started', event_id: 'e1', audio_start_ms: 0, item_id: 'item_u1' });
    });
    expect(getByTestId('agent').textContent).toBe('user_speaking');
    act(() => session.disconnect());
    expect(getByTestId('agent').textContent).toBe('disconnected');
    // Under StrictMode each value renders twice in development. `connecting` lasts one
    // microtask inside the act(): React 19 renders it, React 18 batches it away.
    expect(seen.filter((value, i) => value !== seen[i - 1] && value !== 'connecting')).toEqual(['disconnected', 'listening', 'thinking', 'user_speaking', 'disconnected']);
  });

  it('takes an explicit session, without a provider', async () => {
    const { session } = createSession();
    const { result } = renderHook(() => useAgentState({ session }));
    expect(result.current).toBe('disconnected');
    await act(() => session.connect());
    expect(result.current).toBe('listening');
    session.disconnect();
  });

  it('throws an error naming RealtimeProvider without a session', () => {
    const restore = silenceRenderErrors();
    try {
      expect(() => renderHook(() => useAgentState())).toThrow(/useAgentState.*RealtimeProvider/);
    } finally {
      restore();
    }
  });
});
