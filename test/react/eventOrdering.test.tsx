import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import './helpers/autoCleanup.ts';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import type { SessionEvent } from '../../src/core/session/types.ts';
import { RealtimeProvider, useRealtimeEvents } from '../../src/react/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { isServerEventStep, scenario } from '../../src/testing/scenario/index.ts';

async function setup() {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock });
  const session = createRealtimeSession({ transport, clock, idle: { timeoutMs: 8000 } });
  return { clock, transport, session };
}

describe('useRealtimeEvents on a real session', () => {
  it('sees events in wire order', async () => {
    const { clock, transport, session } = await setup();
    const raw: string[] = [];
    const derived: SessionEvent['type'][] = [];
    function Listener() {
      useRealtimeEvents('server_event', (e) => raw.push(e.event.type));
      useRealtimeEvents(['speech_started', 'speech_stopped', 'input_audio_timeout_triggered', 'response_started', 'response_done'], (e) =>
        derived.push(e.type),
      );
      return null;
    }
    render(
      <RealtimeProvider session={session}>
        <Listener />
      </RealtimeProvider>,
    );
    await act(() => session.connect());
    const timeline = scenario({ audio: 'placeholder' })
      .sessionCreated({ idleTimeoutMs: 8000 })
      .userSays('Hello there')
      .assistantSays('Hi! How can I help?')
      .idleTimeout({ reprompt: false })
      .build();
    const wire = timeline.filter(isServerEventStep);
    for (const step of wire) {
      act(() => {
        clock.advanceTo(step.atMs);
        transport.emit(step.event);
      });
    }
    expect(raw).toEqual(wire.map((step) => step.event.type));
    expect(derived).toEqual(['speech_started', 'speech_stopped', 'response_started', 'response_done', 'input_audio_timeout_triggered']);
    session.disconnect();
  });

  it('reports a throwing handler as an error event; the other handlers still run', async () => {
    const { transport, session } = await setup();
    const seenByOthers: string[] = [];
    const errors: SessionEvent[] = [];
    function Thrower() {
      useRealtimeEvents('speech_started', () => {
        throw new Error('handler bug');
      });
      return null;
    }
    function Other() {
      useRealtimeEvents(['speech_started', 'speech_stopped'], (e) => seenByOthers.push(e.type));
      useRealtimeEvents('error', (e) => errors.push(e));
      return null;
    }
    render(
      <RealtimeProvider session={session}>
        <Thrower />
        <Other />
      </RealtimeProvider>,
    );
    await act(() => session.connect());
    act(() => {
      transport.emit({ type: 'input_audio_buffer.speech_started', event_id: 'e1', audio_start_ms: 100, item_id: 'item_1' });
      transport.emit({ type: 'input_audio_buffer.speech_stopped', event_id: 'e2', audio_end_ms: 900, item_id: 'item_1' });
    });
    expect(seenByOthers).toEqual(['speech_started', 'speech_stopped']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ type: 'error', error: { source: 'handler' } });
    session.disconnect();
  });
});
