import { describe, expect, it } from 'vitest';
import type { ClientEvent } from '../../src/core/protocol/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { formatEventLog } from '../../src/testing/replay/formatEventLog.ts';
import { parseEventLog } from '../../src/testing/replay/parseEventLog.ts';
import { isWaitStep, play, scenario } from '../../src/testing/scenario/index.ts';
import type { Timeline } from '../../src/testing/scenario/index.ts';

/** A connected mock, the server events it delivered (parsed), and a way to act as the app. */
async function setup() {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock });
  await transport.connect({ signal: new AbortController().signal });
  const received: { type: string; [key: string]: unknown }[] = [];
  transport.on('message', (data) => received.push(JSON.parse(data as string)));
  const app = {
    output: (callId: string, output: string) =>
      transport.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callId, output } } as ClientEvent),
    responseCreate: (eventId?: string) => transport.send({ type: 'response.create', ...(eventId ? { event_id: eventId } : {}) } as ClientEvent),
  };
  const types = () => received.map((event) => event.type);
  const transcript = () =>
    received.filter((event) => event.type === 'response.output_audio_transcript.done').map((event) => event.transcript);
  return { clock, transport, received, app, types, transcript };
}

function callIdsOf(timeline: Timeline): string[] {
  const wait = timeline.at(-1);
  if (!wait || !isWaitStep(wait) || wait.wait.kind !== 'tool_outputs') throw new Error('no tool wait at the end');
  return wait.wait.calls.map((call) => call.callId);
}

const weather = () =>
  scenario({ audio: 'placeholder' })
    .userSays('Weather in Paris?')
    .toolCall('get_weather', { city: 'Paris' }, { callId: 'call_w', followUp: (output) => `It is ${JSON.parse(output).tempC} degrees.` })
    .build();

describe('scenario tool calls that wait for the app', () => {
  it('build() ends with an inspectable wait step whose resume writes the follow-up from the output', () => {
    const timeline = scenario({ seed: 3, audio: 'placeholder' })
      .toolCall('get_weather', { city: 'Paris' }, { followUp: (output) => `It is ${JSON.parse(output).tempC} degrees.` })
      .build();
    const wait = timeline.at(-1)!;
    expect(isWaitStep(wait)).toBe(true);
    if (!isWaitStep(wait) || wait.wait.kind !== 'tool_outputs') throw new Error('unreachable');
    expect(wait.wait.calls).toEqual([{ callId: expect.stringMatching(/^call_/), name: 'get_weather' }]);
    // The wait comes after the calling response's response.done.
    const lastEvent = timeline.at(-2)!;
    expect('event' in lastEvent && lastEvent.event.type).toBe('response.done');
    const answers = { outputs: new Map([[wait.wait.calls[0]!.callId, '{"tempC":18}']]), approvals: new Map() };
    const rest = wait.resume(answers);
    const first = rest[0]!;
    expect('event' in first && first.event.type).toBe('response.created');
    const transcript = rest.flatMap((step) => ('event' in step && step.event.type === 'response.output_audio_transcript.done' ? [step.event.transcript] : []));
    expect(transcript).toEqual(['It is 18 degrees.']);
    // Pure: the same answers give the same steps (seeded).
    expect(JSON.stringify(wait.resume(answers))).toBe(JSON.stringify(rest));
  });

  it('pauses after response.done until the output AND a response.create arrived, then plays the follow-up', async () => {
    const { clock, transport, app, types, transcript } = await setup();
    const { done } = play(weather(), { transport, clock });
    clock.advance(60_000);
    expect(types().filter((type) => type.startsWith('response.')).at(-1)).toBe('response.done');
    const paused = types().length;

    app.output('call_w', '{"tempC":18}');
    clock.advance(60_000);
    expect(types()).toHaveLength(paused); // an output alone does not make the server answer

    app.responseCreate();
    clock.advance(60_000);
    expect(types().slice(paused, paused + 1)).toEqual(['response.created']);
    expect(transcript()).toEqual(['It is 18 degrees.']);
    expect(types().at(-1)).toBe('output_audio_buffer.stopped');
    await expect(done).resolves.toMatchObject({ stopped: false, undelivered: 0 });
  });

  it('a response.create before the output does not count: it needs one after the last output', async () => {
    const { clock, transport, app, types } = await setup();
    play(weather(), { transport, clock });
    clock.advance(60_000);
    const paused = types().length;
    app.responseCreate();
    app.output('call_w', '{"tempC":18}');
    clock.advance(60_000);
    // Answered as a real server would (an empty response), but it is not the follow-up.
    expect(types().slice(paused)).toEqual(['response.created', 'response.done']);
    app.responseCreate();
    clock.advance(60_000);
    expect(types()).toContain('response.output_audio_transcript.done');
  });

  it('resumes when the answers came before the timeline reached its wait', async () => {
    const { clock, transport, app, types, transcript } = await setup();
    play(weather(), { transport, clock });
    let answered = false;
    transport.on('message', (data) => {
      // The app answers as soon as the arguments are complete, and asks once the response is done.
      const event = JSON.parse(data as string) as { type: string };
      if (event.type === 'response.function_call_arguments.done') app.output('call_w', '{"tempC":21}');
      if (event.type === 'response.done' && !answered) {
        answered = true;
        app.responseCreate();
      }
    });
    clock.advance(60_000);
    expect(types().filter((type) => type === 'response.created')).toHaveLength(2);
    expect(transcript()).toEqual(['It is 21 degrees.']);
    expect(transport.sentOfType('response.create')).toHaveLength(1);
  });

  it('never answered: stays paused, no timer, no crash', async () => {
    const { clock, transport, types } = await setup();
    const controller = play(weather(), { transport, clock });
    clock.advance(60_000);
    const paused = types().length;
    clock.advance(600_000);
    expect(types()).toHaveLength(paused);
    expect(clock.pending()).toBe(0);
    controller.stop();
    await expect(controller.done).resolves.toMatchObject({ stopped: true });
  });

  it('several calls in one response: answered in either order, then one response.create', async () => {
    for (const order of [
      ['call_a', 'call_b'],
      ['call_b', 'call_a'],
    ]) {
      const { clock, transport, app, types, transcript } = await setup();
      const timeline = scenario({ audio: 'placeholder' })
        .toolCalls(
          [
            { name: 'get_weather', args: { city: 'Paris' }, callId: 'call_a' },
            { name: 'get_time', args: { city: 'Paris' }, callId: 'call_b' },
          ],
          { followUp: (outputs) => `${outputs.get_weather} at ${outputs.call_b}` },
        )
        .build();
      expect(callIdsOf(timeline)).toEqual(['call_a', 'call_b']);
      play(timeline, { transport, clock });
      clock.advance(60_000);
      const paused = types().length;
      app.output(order[0]!, order[0] === 'call_a' ? 'sunny' : 'noon');
      app.responseCreate();
      clock.advance(60_000);
      // One output is not all of them: that create gets an empty response, not the follow-up.
      expect(types().slice(paused)).toEqual(['response.created', 'response.done']);
      app.output(order[1]!, order[1] === 'call_a' ? 'sunny' : 'noon');
      clock.advance(60_000);
      expect(types()).toHaveLength(paused + 2);
      app.responseCreate();
      clock.advance(60_000);
      expect(transcript()).toEqual(['sunny at noon']);
    }
  });

  it('the calls of one response are protocol-ordered: distinct output indexes, one response.done listing both', () => {
    const timeline = scenario({ seed: 1 })
      .toolCalls([
        { name: 'a', args: {} },
        { name: 'b', args: '{"x":1}' },
      ])
      .build();
    const events = timeline.flatMap((step) => ('event' in step ? [step.event as unknown as Record<string, unknown>] : []));
    const argsDone = events.filter((event) => event.type === 'response.function_call_arguments.done');
    expect(argsDone.map((event) => [event.name, event.output_index])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    const responseDone = events.find((event) => event.type === 'response.done') as { response: { output: { name: string }[] } };
    expect(responseDone.response.output.map((item) => item.name)).toEqual(['a', 'b']);
    expect(new Set(events.filter((event) => event.type === 'response.created').map(String)).size).toBe(1);
    expect(timeline.some(isWaitStep)).toBe(false); // no follow-up asked for: it does not wait
  });

  it('answers a response.create sent while the calling response is active with the server error', async () => {
    const { clock, transport, app, received } = await setup();
    play(weather(), { transport, clock });
    transport.on('message', (data) => {
      // An ordering bug: the app asks for a response as soon as the arguments are complete.
      const event = JSON.parse(data as string) as { type: string };
      if (event.type === 'response.function_call_arguments.done') {
        app.output('call_w', '{"tempC":18}');
        app.responseCreate('event_client_7');
      }
    });
    clock.advance(60_000);
    const errors = received.filter((event) => event.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'conversation_already_has_active_response',
      event_id: 'event_client_7',
    });
    expect(String((errors[0]!.error as { message: string }).message)).toMatch(/^Conversation already has an active response in progress: resp_/);
    // The refused request does not count: still paused until a response.create after response.done.
    expect(received.filter((event) => event.type === 'response.created')).toHaveLength(1);
    app.responseCreate();
    clock.advance(60_000);
    expect(received.filter((event) => event.type === 'response.created')).toHaveLength(2);
  });

  it('refuses a second response.create while the follow-up it started is under way', async () => {
    const { clock, transport, app, received } = await setup();
    play(weather(), { transport, clock });
    clock.advance(60_000);
    app.output('call_w', '{"tempC":18}');
    app.responseCreate();
    app.responseCreate('event_twice');
    clock.advance(60_000);
    const errors = received.filter((event) => event.type === 'error');
    expect(errors.map((event) => (event.error as { event_id: string }).event_id)).toEqual(['event_twice']);
  });

  it('ends the playback when the connection closes while waiting (unanswered), and plays nothing after a reconnect', async () => {
    const { clock, transport, app, types } = await setup();
    const { done } = play(weather(), { transport, clock });
    clock.advance(60_000);
    const paused = types().length;
    transport.drop(new Error('network down'));
    const result = await done;
    expect(result.unanswered).toEqual({ kind: 'tool_outputs', calls: [{ callId: 'call_w', name: 'get_weather' }] });
    await transport.connect({ signal: new AbortController().signal });
    app.output('call_w', '{"tempC":18}');
    app.responseCreate();
    clock.advance(60_000);
    expect(types()).toHaveLength(paused);
  });

  it('assistantSays after a waiting call reads the outputs by tool name', async () => {
    const { clock, transport, app, transcript } = await setup();
    const timeline = scenario({ audio: 'placeholder' })
      .toolCall('get_weather', { city: 'Paris' }, { callId: 'call_w', waitForOutput: true })
      .assistantSays((outputs) => `It is ${JSON.parse(outputs.get_weather ?? '{}').tempC} degrees.`)
      .userSays('Thanks!')
      .assistantSays('You are welcome.')
      .build();
    play(timeline, { transport, clock });
    clock.advance(60_000);
    app.output('call_w', '{"tempC":9}');
    app.responseCreate();
    clock.advance(60_000);
    expect(transcript()).toEqual(['It is 9 degrees.', 'You are welcome.']);
  });
});

describe('steps already under way when a wait is reached', () => {
  it('play on while it waits (the user transcription that lands after the call) and are not lost when it resumes', async () => {
    const { clock, transport, app, types } = await setup();
    const timeline = weather();
    const waitAt = timeline.findIndex(isWaitStep);
    const later = timeline.slice(waitAt + 1).flatMap((step) => ('event' in step ? [step.event.type] : []));
    expect(later).toContain('conversation.item.input_audio_transcription.completed');
    play(timeline, { transport, clock });
    clock.advance(60_000);
    expect(types()).toContain('conversation.item.input_audio_transcription.completed');
    app.output('call_w', '{"tempC":18}');
    app.responseCreate();
    clock.advance(60_000);
    expect(types().filter((type) => type === 'conversation.item.input_audio_transcription.completed')).toHaveLength(1);
    expect(types().filter((type) => type === 'response.done')).toHaveLength(2);
  });
});

describe('event logs and real timers', () => {
  it('formatEventLog leaves the wait out and keeps every server event around it', () => {
    const timeline = weather();
    const withoutWait = timeline.filter((step) => !isWaitStep(step));
    expect(withoutWait.length).toBe(timeline.length - 1);
    const { steps, problems } = parseEventLog(formatEventLog(timeline));
    expect(problems).toEqual([]);
    expect(steps).toEqual(withoutWait);
  });

  it('waits on the system clock too: the follow-up plays once answered, in real time', async () => {
    const transport = createMockTransport();
    await transport.connect({ signal: new AbortController().signal });
    const types: string[] = [];
    let calledBack!: () => void;
    const called = new Promise<void>((resolve) => (calledBack = resolve));
    transport.on('message', (data) => {
      const { type } = JSON.parse(data as string) as { type: string };
      types.push(type);
      if (type === 'response.done') calledBack();
    });
    const timeline = scenario({ audio: 'placeholder' })
      .toolCall('get_weather', {}, { callId: 'call_rt', followUp: 'Sunny.', followUpOptions: { modality: 'text' } })
      .build();
    const { done } = play(timeline, { transport, speed: 50 });
    await called;
    const paused = types.length;
    transport.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: 'call_rt', output: 'sunny' } } as ClientEvent);
    transport.send({ type: 'response.create' } as ClientEvent);
    await expect(done).resolves.toMatchObject({ stopped: false });
    expect(types.slice(paused)).toContain('response.output_text.done');
    expect(types.filter((type) => type === 'response.done')).toHaveLength(2);
  });
});
