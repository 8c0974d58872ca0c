import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { parseServerEvent, serverEventSchema } from '../../src/core/protocol/index.ts';
import { isWaitStep, scenario, type ScenarioBuilder, type ScenarioOptions } from '../../src/testing/scenario/index.ts';
import type { ScenarioStep } from '../../src/testing/scenario/types.ts';

/**
 * The steps, with every wait answered (each call's output, the approval given or refused) and
 * what it resumes with spliced in after it: the follow-ups must be protocol-valid too.
 */
function answered(timeline: readonly ScenarioStep[], approve: boolean): ScenarioStep[] {
  return timeline.flatMap((step) => {
    if (!isWaitStep(step)) return [step];
    const { wait } = step;
    const outputs = new Map(wait.kind === 'tool_outputs' ? wait.calls.map((call) => [call.callId, '{"ok":true}'] as const) : []);
    const approvals = new Map(wait.kind === 'approval' ? [[wait.approvalRequestId, { approve, reason: approve ? undefined : 'no' }] as const] : []);
    return [step, ...answered(step.resume({ outputs, approvals }), approve)];
  });
}

function wireEvents(timeline: readonly ScenarioStep[]) {
  return [true, false].flatMap((approve) => answered(timeline, approve).flatMap((step) => ('event' in step ? [step.event] : [])));
}

/** Every wire event must parse as the server would send it: a JSON string, GA name kept. */
function expectProtocolValid(timeline: readonly ScenarioStep[]): void {
  for (const event of wireEvents(timeline)) {
    const json = JSON.stringify(event);
    const parsed = parseServerEvent(json);
    if (!parsed.ok) throw new Error(`${event.type} rejected: ${parsed.message}`);
    expect(parsed.event.type).toBe(event.type);
    expect(serverEventSchema.safeParse(JSON.parse(json)).success).toBe(true);
  }
}

/** Every builder method, with each of its options, as one scenario per entry. */
const methodCases: Record<string, (builder: ScenarioBuilder) => ScenarioBuilder> = {
  'sessionCreated()': (b) => b.sessionCreated(),
  'sessionCreated(idle, semantic, no VAD, no transcription, extras)': (b) =>
    b
      .sessionCreated({ idleTimeoutMs: 8000, instructions: 'Be brief.', voice: 'cedar', model: 'gpt-realtime' })
      .sessionUpdated({ turnDetection: 'semantic_vad' })
      .sessionUpdated({ turnDetection: null, transcription: false })
      .sessionUpdated({ idleTimeoutMs: 30000, session: { max_output_tokens: 4096 } }),
  'userSays()': (b) => b.userSays('What is the weather in Paris?'),
  'userSays(options)': (b) =>
    b
      .userSays('Hello', { durationMs: 1200, deltas: 3, transcriptDelayMs: 0 })
      .userSays('Hi there', { deltas: ['Hi', ' there'] })
      .userSays('mumble', { transcription: 'failed' })
      .userSays('no transcription', { transcription: 'none' })
      .userSays(''),
  'assistantSays()': (b) => b.assistantSays('It is sunny and 24 degrees in Paris today.'),
  'assistantSays(options)': (b) =>
    b
      .assistantSays('Short.', { audioMs: 3000, deltas: 2, latencyMs: 5, firstDeltaMs: 400 })
      .assistantSays('In text.', { modality: 'text', deltas: ['In', ' text.'] })
      .assistantSays('', { audioMs: 100 }),
  'silence()': (b) => b.userSays('Hi').silence(2500).silence(0),
  'idleTimeout()': (b) => b.sessionCreated({ idleTimeoutMs: 6000 }).assistantSays('Hi!').idleTimeout(),
  'idleTimeout(options)': (b) =>
    b
      .assistantSays('Hi!')
      .idleTimeout({ idleMs: 5000, reprompt: 'Hello? Still with me?', response: { audioMs: 1500, deltas: 1 } })
      .idleTimeout({ reprompt: false })
      .idleTimeout({ response: { modality: 'text' } }),
  'interruption()': (b) => b.userSays('Tell me a story').assistantSays('Once upon a time, far away, there lived a dragon.').interruption(),
  'interruption(options), late and after a re-prompt': (b) =>
    b
      .assistantSays('Once upon a time there was a small village by the sea.', { audioMs: 4000 })
      .interruption({ afterMs: 3900, userSays: 'Stop.', user: { transcription: 'failed' } })
      .idleTimeout({ idleMs: 7000 })
      .interruption({ afterMs: 200 }),
  'toolCall()': (b) => b.userSays('Weather?').toolCall('get_weather', { city: 'Paris', unit: 'celsius' }),
  'toolCall(options)': (b) => b.toolCall('lookup', '{"q":"x"}', { callId: 'call_custom', deltas: 1 }).toolCall('noop', '', { deltas: ['', ''] }),
  'toolCall(waitForOutput, followUp) and a follow-up reading the outputs': (b) =>
    b
      .userSays('Weather?')
      .toolCall('get_weather', { city: 'Paris' }, { followUp: (output) => `Got ${output}`, followUpOptions: { modality: 'text' } })
      .toolCall('get_time', {}, { waitForOutput: true })
      .assistantSays((outputs) => `It is ${outputs.get_time}`)
      .userSays('Thanks')
      .assistantSays('Bye.')
      .interruption(),
  'toolCalls() several in one response, with and without a wait': (b) =>
    b
      .toolCalls([
        { name: 'a', args: {}, callId: 'call_a', deltas: 1 },
        { name: 'b', args: '{"x":1}', deltas: ['{"x"', ':1}'] },
      ])
      .toolCalls([{ name: 'c', args: {} }, { name: 'd', args: {} }, { name: 'e', args: {} }], { followUp: (outputs) => `${outputs.c} ${outputs.e}` }),
  'mcpApprovalRequest() approved or denied, output or error, then more': (b) =>
    b
      .userSays('Book it.')
      .mcpApprovalRequest({ serverLabel: 'calendar', name: 'create_event', arguments: { day: 'Friday' }, onApproved: (out) => `Booked ${out}`, onDenied: (reason) => `No: ${reason}` })
      .mcpApprovalRequest({ serverLabel: 'files', name: 'delete', arguments: '{}', error: { message: 'read-only', code: 403 }, followUpOptions: { modality: 'text' } })
      .userSays('Thanks')
      .assistantSays('You are welcome.'),
  'error()': (b) => b.error(),
  'error(options)': (b) =>
    b.error({ message: 'Rate limited', type: 'rate_limit_error', code: null, param: 'response', eventId: 'event_client_1' }),
  'disconnect()': (b) => b.userSays('Hi').disconnect().disconnect({ error: 'socket closed 1006' }),
};

const flavors: ScenarioOptions[] = [
  {},
  { flavor: 'webrtc' },
  { flavor: 'websocket' },
  { audio: 'placeholder', audioChunkMs: 100, generationSpeed: 0.5, silenceDurationMs: 200, idleTimeoutMs: 5000, seed: 7 },
];

describe('scenario builder: every event it produces is protocol-valid', () => {
  for (const [name, describeScenario] of Object.entries(methodCases)) {
    for (const options of flavors) {
      it(`${name} with ${JSON.stringify(options)}`, () => {
        const timeline = describeScenario(scenario(options)).build();
        expect(wireEvents(timeline).length + timeline.length).toBeGreaterThan(0);
        expectProtocolValid(timeline);
      });
    }
  }

  it('covers the event types the sequences in PROTOCOL.md need', () => {
    const types = new Set<string>();
    for (const describeScenario of Object.values(methodCases)) {
      for (const options of flavors) for (const event of wireEvents(describeScenario(scenario(options)).build())) types.add(event.type);
    }
    expect([...types].sort()).toEqual(
      [
        'session.created',
        'session.updated',
        'input_audio_buffer.speech_started',
        'input_audio_buffer.speech_stopped',
        'input_audio_buffer.committed',
        'input_audio_buffer.timeout_triggered',
        'conversation.item.added',
        'conversation.item.done',
        'conversation.item.truncated',
        'conversation.item.input_audio_transcription.delta',
        'conversation.item.input_audio_transcription.completed',
        'conversation.item.input_audio_transcription.failed',
        'response.created',
        'response.done',
        'response.output_item.added',
        'response.output_item.done',
        'response.content_part.added',
        'response.content_part.done',
        'response.output_audio.delta',
        'response.output_audio.done',
        'response.output_audio_transcript.delta',
        'response.output_audio_transcript.done',
        'response.output_text.delta',
        'response.output_text.done',
        'response.function_call_arguments.delta',
        'response.function_call_arguments.done',
        'response.mcp_call_arguments.delta',
        'response.mcp_call_arguments.done',
        'response.mcp_call.in_progress',
        'response.mcp_call.completed',
        'response.mcp_call.failed',
        'rate_limits.updated',
        'error',
        'output_audio_buffer.started',
        'output_audio_buffer.stopped',
        'output_audio_buffer.cleared',
      ].sort(),
    );
  });

  it('stays valid for random sequences of builder calls (property)', () => {
    const text = fc.string({ maxLength: 60 });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('sessionCreated' as const), idle: fc.option(fc.integer({ min: 5000, max: 30000 })), vad: fc.constantFrom('server_vad' as const, 'semantic_vad' as const, null) }),
      fc.record({ kind: fc.constant('userSays' as const), text, transcription: fc.constantFrom('completed' as const, 'failed' as const, 'none' as const), deltas: fc.option(fc.integer({ min: 1, max: 8 })) }),
      fc.record({ kind: fc.constant('assistantSays' as const), text, audioMs: fc.option(fc.integer({ min: 50, max: 6000 })), text_only: fc.boolean(), interrupt: fc.option(fc.double({ min: 0.01, max: 0.99, noNaN: true })) }),
      fc.record({ kind: fc.constant('silence' as const), ms: fc.integer({ min: 0, max: 20000 }) }),
      fc.record({ kind: fc.constant('idleTimeout' as const), reprompt: fc.option(text) }),
      fc.record({ kind: fc.constant('toolCall' as const), name: fc.string({ minLength: 1, maxLength: 12 }), args: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 })), wait: fc.boolean() }),
      fc.record({ kind: fc.constant('mcpApproval' as const), name: fc.string({ minLength: 1, maxLength: 12 }), fails: fc.boolean() }),
      fc.record({ kind: fc.constant('error' as const), message: text }),
      fc.record({ kind: fc.constant('disconnect' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), fc.constantFrom('mixed' as const, 'webrtc' as const, 'websocket' as const), fc.integer(), (steps, flavor, seed) => {
        const builder = scenario({ flavor, seed, audio: 'placeholder' });
        // Only what the server can send: an idle timeout needs server VAD with one configured.
        let idleOn = true;
        for (const s of steps) {
          if (s.kind === 'sessionCreated') {
            const idle = s.vad === 'server_vad' ? s.idle : null;
            builder.sessionCreated({ idleTimeoutMs: idle, turnDetection: s.vad });
            idleOn = idle !== null;
          } else if (s.kind === 'idleTimeout' && !idleOn) builder.silence(1000);
          else if (s.kind === 'userSays') builder.userSays(s.text, { transcription: s.transcription, deltas: s.deltas ?? undefined });
          else if (s.kind === 'assistantSays') {
            const audioMs = s.audioMs ?? 2000;
            builder.assistantSays(s.text, { audioMs, modality: s.text_only ? 'text' : 'audio' });
            const afterMs = s.interrupt === null ? null : Math.round(s.interrupt * audioMs);
            if (!s.text_only && afterMs !== null && afterMs > 0 && afterMs < audioMs) builder.interruption({ afterMs });
          } else if (s.kind === 'silence') builder.silence(s.ms);
          else if (s.kind === 'idleTimeout') builder.idleTimeout({ reprompt: s.reprompt ?? false });
          else if (s.kind === 'toolCall') builder.toolCall(s.name, s.args, s.wait ? { followUp: (output) => `Got ${output}` } : {});
          else if (s.kind === 'mcpApproval') builder.mcpApprovalRequest({ serverLabel: 'srv', name: s.name, ...(s.fails ? { error: { message: 'failed' } } : {}) });
          else if (s.kind === 'error') builder.error({ message: s.message });
          else builder.disconnect();
        }
        const timeline = builder.build();
        expectProtocolValid(timeline);
        // Each part is timed on its own: the built timeline, and what each wait resumes with.
        const segments: ScenarioStep[][] = [];
        const collect = (steps: ScenarioStep[]) => {
          segments.push(steps);
          for (const wait of steps.filter(isWaitStep)) {
            const { wait: w } = wait;
            const outputs = new Map(w.kind === 'tool_outputs' ? w.calls.map((call) => [call.callId, '{}'] as const) : []);
            const approvals = new Map(w.kind === 'approval' ? [[w.approvalRequestId, { approve: true }] as const] : []);
            collect(wait.resume({ outputs, approvals }));
          }
        };
        collect(timeline);
        for (const played of segments) {
          for (let i = 1; i < played.length; i++) expect(played[i]!.atMs).toBeGreaterThanOrEqual(played[i - 1]!.atMs);
        }
      }),
      { numRuns: 150 },
    );
  });
});
