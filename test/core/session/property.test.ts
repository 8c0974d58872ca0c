import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { SessionState } from '../../../src/core/session/index.ts';
import { AUDIO_100MS, setup } from './helpers.ts';

const itemId = fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5', 'i6');
const previousId = fc.option(itemId, { nil: null });
const responseId = fc.constantFrom('r1', 'r2');
const text = fc.string({ maxLength: 8 });
const ms = fc.nat({ max: 60000 });

const messageItem = fc.record({
  id: itemId,
  type: fc.constant('message'),
  role: fc.constantFrom('user', 'assistant'),
  status: fc.constantFrom('in_progress', 'completed', 'incomplete'),
  content: fc.array(
    fc.oneof(
      fc.record({ type: fc.constant('input_audio'), transcript: fc.option(text, { nil: null }) }),
      fc.record({ type: fc.constant('output_text'), text }),
      fc.record({ type: fc.constant('output_audio'), transcript: text }),
    ),
    { maxLength: 2 },
  ),
});
const toolItem = fc.record({
  id: itemId,
  type: fc.constant('function_call'),
  call_id: fc.constantFrom('c1', 'c2'),
  name: fc.constant('lookup'),
  arguments: text,
});
const parts = fc.record({ response_id: responseId, item_id: itemId, output_index: fc.constant(0), content_index: fc.constant(0) });

/** Plausible server events with ids drawn from a small pool, so they collide and cross-reference. */
const validEvent = fc.oneof(
  fc.record({ type: fc.constant('input_audio_buffer.speech_started'), audio_start_ms: ms, item_id: itemId }),
  fc.record({ type: fc.constant('input_audio_buffer.speech_stopped'), audio_end_ms: ms, item_id: itemId }),
  fc.record({ type: fc.constant('input_audio_buffer.timeout_triggered'), audio_start_ms: ms, audio_end_ms: ms, item_id: itemId }),
  fc.record({ type: fc.constant('input_audio_buffer.committed'), item_id: itemId, previous_item_id: previousId }),
  fc.record({ type: fc.constantFrom('conversation.item.added', 'conversation.item.done'), item: fc.oneof(messageItem, toolItem), previous_item_id: previousId }),
  fc.record({ type: fc.constant('conversation.item.created'), item: messageItem, previous_item_id: previousId }),
  fc.record({ type: fc.constant('conversation.item.deleted'), item_id: itemId }),
  fc.record({ type: fc.constant('conversation.item.truncated'), item_id: itemId, content_index: fc.constant(0), audio_end_ms: ms }),
  fc.record({ type: fc.constant('conversation.item.input_audio_transcription.delta'), item_id: itemId, content_index: fc.constant(0), delta: text }),
  fc.record({ type: fc.constant('conversation.item.input_audio_transcription.completed'), item_id: itemId, content_index: fc.constant(0), transcript: text }),
  fc.record({
    type: fc.constant('conversation.item.input_audio_transcription.failed'),
    item_id: itemId,
    content_index: fc.constant(0),
    error: fc.record({ type: fc.constant('transcription_error'), message: text }),
  }),
  fc.record({ type: fc.constant('response.created'), response: fc.record({ id: responseId, status: fc.constant('in_progress') }) }),
  fc.record({
    type: fc.constant('response.done'),
    response: fc.record({
      id: responseId,
      status: fc.constantFrom('completed', 'cancelled'),
      status_details: fc.record({ type: fc.constant('cancelled'), reason: fc.constantFrom('turn_detected', 'client_cancelled') }),
      output: fc.array(messageItem, { maxLength: 2 }),
    }),
  }),
  parts.map((p) => ({ ...p, type: 'response.output_audio.delta', delta: AUDIO_100MS })),
  fc.tuple(parts, text).map(([p, delta]) => ({ ...p, type: 'response.output_audio_transcript.delta', delta })),
  fc.tuple(parts, text).map(([p, delta]) => ({ ...p, type: 'response.audio_transcript.delta', delta })),
  fc.tuple(parts, text).map(([p, delta]) => ({ ...p, type: 'response.output_text.delta', delta })),
  fc.tuple(parts, text).map(([p, t]) => ({ ...p, type: 'response.output_audio_transcript.done', transcript: t })),
  fc.tuple(parts, text).map(([p, t]) => ({ ...p, type: 'response.output_text.done', text: t })),
  fc.record({
    type: fc.constant('response.function_call_arguments.done'),
    response_id: responseId,
    item_id: itemId,
    output_index: fc.constant(0),
    call_id: fc.constantFrom('c1', 'c2'),
    name: fc.constant('lookup'),
    arguments: text,
  }),
  fc.record({ type: fc.constantFrom('output_audio_buffer.started', 'output_audio_buffer.stopped', 'output_audio_buffer.cleared'), response_id: responseId }),
  fc.record({ type: fc.constant('error'), error: fc.record({ type: fc.constant('server_error'), message: text }) }),
).map((event) => ({ event_id: 'e', ...event }) as Record<string, unknown>);

/** Corruptions: broken JSON, dropped fields, wrong types, unknown event types. */
const corrupted = fc.oneof(
  fc.tuple(validEvent, fc.nat()).map(([e, cut]) => {
    const json = JSON.stringify(e);
    return json.slice(0, cut % json.length);
  }),
  validEvent.chain((e) =>
    fc.constantFrom(...Object.keys(e).filter((k) => k !== 'type')).map((key) => {
      const copy = { ...e };
      delete copy[key];
      return copy;
    }),
  ),
  fc.tuple(validEvent, fc.anything()).map(([e, junk]) => ({ ...e, item_id: junk, item: junk })),
  fc.record({ type: fc.string(), event_id: fc.string() }),
  fc.anything().map((x) => (typeof x === 'object' && x !== null ? x : JSON.stringify(x) ?? 'undefined')),
);

type Step = { kind: 'message'; data: string | object } | { kind: 'tick'; ms: number } | { kind: 'action'; name: string };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: validEvent.map((data): Step => ({ kind: 'message', data })) },
  { weight: 2, arbitrary: corrupted.map((data): Step => ({ kind: 'message', data: data as string | object })) },
  { weight: 1, arbitrary: fc.nat({ max: 20000 }).map((ms): Step => ({ kind: 'tick', ms })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('sendText', 'stillHere', 'interrupt', 'setTimeout', 'timeoutOff', 'semanticVad', 'disconnect', 'connect')
      .map((name): Step => ({ kind: 'action', name })),
  },
);

const STATUSES = new Set(['in_progress', 'completed', 'incomplete', 'interrupted', 'failed']);
const KINDS = new Set(['message', 'idle_timeout', 'tool_call']);
const PHASES = new Set(['off', 'listening', 'counting', 'timed_out', 'ending', 'ended']);

function checkInvariants(state: SessionState): void {
  const { transcript } = state;
  const items = transcript.items;
  expect(items.length).toBe(transcript.length);
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  items.forEach((item, position) => {
    expect(transcript.at(position)).toBe(item);
    expect(transcript.get(item.id)).toBe(item);
    expect(transcript.indexOf(item.id)).toBe(position);
    expect(STATUSES.has(item.status)).toBe(true);
    expect(KINDS.has(item.kind)).toBe(true);
    expect(typeof item.text).toBe('string');
    if (item.kind === 'idle_timeout') expect(item.idle).toBeDefined();
  });
  expect(PHASES.has(state.idle.phase)).toBe(true);
  expect(state.idle.timeouts).toBeGreaterThanOrEqual(0);
}

it('random orders and corruptions of events never throw and keep the transcript invariants', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { maxLength: 60 }), fc.constantFrom('none', 'server', 'transport'), async (steps, playback) => {
      const h = setup({
        idle: { timeoutMs: 5000, maxTimeouts: 3, endGraceMs: 2000 },
        transport: { playbackReporting: playback as 'none' | 'server' | 'transport' },
      });
      await h.session.connect();
      for (const s of steps) {
        if (s.kind === 'message') expect(() => h.transport.emit(s.data)).not.toThrow();
        else if (s.kind === 'tick') h.clock.advance(s.ms);
        else if (s.name === 'sendText') h.session.sendText('hi');
        else if (s.name === 'stillHere') h.session.stillHere();
        else if (s.name === 'interrupt') h.session.interrupt();
        else if (s.name === 'setTimeout') h.session.setIdlePolicy({ timeoutMs: 8000 });
        else if (s.name === 'timeoutOff') h.session.setIdlePolicy({ timeoutMs: null });
        else if (s.name === 'semanticVad') h.session.updateSession({ audio: { input: { turn_detection: { type: 'semantic_vad' } } } });
        else if (s.name === 'disconnect') h.session.disconnect();
        else await h.session.connect();
        const state = h.session.getState();
        checkInvariants(state);
        if (state.status !== 'connected') {
          // Nothing keeps running once the connection is gone: no idle clock, no playback estimate.
          expect(['off', 'ended']).toContain(state.idle.phase);
          expect(h.clock.pending()).toBe(0);
          expect([state.userSpeaking, state.assistantSpeaking, state.responding]).toEqual([false, false, false]);
        }
      }
      // A bug of ours would surface as an internal_error event.
      expect(h.events.filter((e) => e.type === 'error' && e.error.code === 'internal_error')).toEqual([]);
    }),
    { numRuns: 300 },
  );
});

it('the generator of valid events only makes events the protocol accepts (so the property tests real paths)', async () => {
  const { parseServerEvent } = await import('../../../src/core/protocol/index.ts');
  for (const event of fc.sample(validEvent, 500)) {
    const result = parseServerEvent(JSON.stringify(event));
    expect(result.ok ? 'ok' : result.message).toBe('ok');
  }
});
