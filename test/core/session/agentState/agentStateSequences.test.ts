import { describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../../../src/core/protocol/index.ts';
import { isServerEventStep, scenario, type Timeline } from '../../../../src/testing/scenario/index.ts';
import { assistantItem, AUDIO_100MS, response, userAudioItem, wire } from '../helpers.ts';
import { loadCapture } from '../replayCapture.ts';
import { runAgentState, type AgentStateRun } from './runAgentState.ts';

// `state.agentState` through whole conversations: each row plays wire events (from the
// scenario builder, or written by hand where the builder has no words for the case) and lists
// every change of the agent state with the step that caused it. The runner also checks, at
// every commit, that the agent state agrees with the state it comes from.

/** A run already connected, its two connection changes checked and taken. */
async function connectedRun(options?: Parameters<typeof runAgentState>[0]): Promise<AgentStateRun> {
  const run = runAgentState(options);
  await run.connect();
  expect(run.take()).toEqual(['connect: connecting', 'connect: listening']);
  return run;
}

const USER_TURN = ['input_audio_buffer.speech_started: user_speaking', 'input_audio_buffer.speech_stopped: thinking'];
const HEARD = ['output_audio_buffer.started: speaking', 'output_audio_buffer.stopped: listening'];

interface Row {
  name: string;
  options?: Parameters<typeof runAgentState>[0];
  timeline: () => Timeline;
  expected: string[];
}

const rows: Row[] = [
  {
    name: 'a conversation, playback reported by the server (mixed stream)',
    timeline: () => scenario({ audio: 'placeholder' }).sessionCreated().userSays('Hello there').assistantSays('Hi! How can I help?').build(),
    expected: [...USER_TURN, ...HEARD],
  },
  {
    name: 'a conversation over WebRTC (no audio deltas)',
    timeline: () => scenario({ flavor: 'webrtc' }).sessionCreated().userSays('Hello there').assistantSays('Hi!').build(),
    expected: [...USER_TURN, ...HEARD],
  },
  {
    name: "a conversation over WebSocket, playback reported by the client's player",
    options: { transport: { playbackReporting: 'transport' } },
    timeline: () => scenario({ flavor: 'websocket', audio: 'placeholder' }).sessionCreated().userSays('Hello there').assistantSays('Hi!').build(),
    expected: [...USER_TURN, 'playback.started: speaking', 'playback.stopped: listening'],
  },
  {
    name: 'a text-only answer thinks until its response is done',
    timeline: () => scenario().sessionCreated().userSays('Hello there').assistantSays('Hi!', { modality: 'text' }).build(),
    expected: [...USER_TURN, 'response.done: listening'],
  },
  {
    name: 'an answer nobody asked for (the app or the server started it) thinks from response.created',
    timeline: () => scenario({ audio: 'placeholder' }).assistantSays('Welcome back!').build(),
    expected: ['response.created: thinking', ...HEARD],
  },
  {
    name: "the server's idle timeout: its silent commit makes the re-prompt due",
    options: { idle: { timeoutMs: 8000 } },
    timeline: () => scenario({ audio: 'placeholder' }).sessionCreated({ idleTimeoutMs: 8000 }).assistantSays('Hi!').idleTimeout().build(),
    expected: ['response.created: thinking', ...HEARD, 'input_audio_buffer.committed: thinking', ...HEARD],
  },
  {
    name: "the server's idle timeout whose timeout_triggered never arrived: the same",
    options: { idle: { timeoutMs: 8000 } },
    timeline: () =>
      scenario({ audio: 'placeholder' })
        .sessionCreated({ idleTimeoutMs: 8000 })
        .assistantSays('Hi!')
        .idleTimeout()
        .build()
        .filter((step) => !isServerEventStep(step) || step.event.type !== 'input_audio_buffer.timeout_triggered'),
    expected: ['response.created: thinking', ...HEARD, 'input_audio_buffer.committed: thinking', ...HEARD],
  },
  {
    name: 'an interruption: the user wins over the audio at once, then their turn is over',
    timeline: () =>
      scenario({ audio: 'placeholder' })
        .sessionCreated()
        .assistantSays('Let me tell you a very long story about the sea.', { audioMs: 4000 })
        .interruption({ afterMs: 600, userSays: 'Stop, please.' })
        .assistantSays('Sure.')
        .build(),
    expected: [
      'response.created: thinking',
      'output_audio_buffer.started: speaking',
      'input_audio_buffer.speech_started: user_speaking',
      'input_audio_buffer.speech_stopped: thinking',
      ...HEARD,
    ],
  },
  {
    name: 'a server error while the assistant speaks changes nothing',
    timeline: () => {
      const answer = scenario({ audio: 'placeholder' }).assistantSays('Hi there, welcome.').build();
      const started = answer.findIndex((s) => isServerEventStep(s) && s.event.type === 'output_audio_buffer.started');
      const error = { atMs: answer[started]!.atMs, event: wire('error', { error: { type: 'server_error', message: 'Oops' } }) as unknown as ServerEvent };
      return [...answer.slice(0, started + 1), error, ...answer.slice(started + 1)];
    },
    expected: ['response.created: thinking', ...HEARD],
  },
  {
    name: 'the connection drops after the answer',
    timeline: () => scenario({ audio: 'placeholder' }).userSays('Hello').assistantSays('Hi!').disconnect().build(),
    expected: [...USER_TURN, ...HEARD, 'drop: disconnected'],
  },
  {
    name: 'the connection drops while the assistant speaks',
    timeline: () => {
      const answer = scenario({ audio: 'placeholder' }).assistantSays('Hi there, welcome.').build();
      const started = answer.findIndex((s) => isServerEventStep(s) && s.event.type === 'output_audio_buffer.started');
      return [...answer.slice(0, started + 1), { atMs: answer[started]!.atMs + 100, transport: 'drop', error: 'socket closed' }];
    },
    expected: ['response.created: thinking', 'output_audio_buffer.started: speaking', 'drop: disconnected'],
  },
];

describe('agentState through scenario timelines', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const run = runAgentState(row.options);
      expect(run.session.getState().agentState).toBe('disconnected');
      await run.connect();
      expect(run.take()).toEqual(['connect: connecting', 'connect: listening']);
      run.play(row.timeline());
      // Long enough for any playback estimate to end, shorter than an idle timeout.
      run.step('clock', () => run.clock.advance(5000));
      expect(run.take()).toEqual(row.expected);
    });
  }
});

/** A function call, answered by the app: its output, then `response.create`. */
describe('agentState around a function call', () => {
  it('runs the tool from its arguments until the app sends its output, then thinks until the answer sounds', async () => {
    const run = await connectedRun();
    const call = scenario({ audio: 'placeholder' }).sessionCreated().userSays('Weather in Paris?').toolCall('get_weather', { city: 'Paris' }, { callId: 'call_1' }).build();
    run.play(call);
    expect(run.take()).toEqual([...USER_TURN, 'response.function_call_arguments.done: tool_running']);
    // The calling response is done: the call still waits.
    expect(run.session.getState().responding).toBe(false);

    run.step('output', () =>
      run.session.sendEvent({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: 'call_1', output: '{"sunny":true}' } }),
    );
    run.step('response.create', () => run.session.sendEvent({ type: 'response.create' }));
    run.play(scenario({ after: call, audio: 'placeholder' }).assistantSays('Sunny in Paris.').build());
    run.step('clock', () => run.clock.advance(5000));
    expect(run.take()).toEqual(['output: thinking', ...HEARD]);
  });

  it('a new response ends the wait even when the app sent no output', async () => {
    const run = await connectedRun();
    const call = scenario({ audio: 'placeholder' }).toolCall('get_weather', {}, { callId: 'call_1' }).build();
    run.play(call);
    run.play(scenario({ after: call, audio: 'placeholder' }).assistantSays('Never mind.').build());
    run.step('clock', () => run.clock.advance(5000));
    expect(run.take()).toEqual([
      'response.created: thinking',
      'response.function_call_arguments.done: tool_running',
      'response.created: thinking',
      ...HEARD,
    ]);
  });
});

/** Hand-written wire events, for the precedence cases the scenario builder has no step for. */
describe('agentState precedence', () => {
  const audioIds = (responseId: string) => ({ response_id: responseId });

  it('user_speaking wins over audio still playing; the audio wins again when the user stops, then their turn is due', async () => {
    const run = await connectedRun();
    run.wire(
      wire('response.created', { response: response('resp_1') }),
      wire('output_audio_buffer.started', audioIds('resp_1')),
      wire('response.done', { response: response('resp_1', 'completed') }),
      // No interrupt_response: the server lets the audio play on.
      wire('input_audio_buffer.speech_started', { audio_start_ms: 100, item_id: 'item_u1' }),
      wire('input_audio_buffer.speech_stopped', { audio_end_ms: 900, item_id: 'item_u1' }),
      wire('input_audio_buffer.committed', { item_id: 'item_u1', previous_item_id: null }),
      wire('output_audio_buffer.stopped', audioIds('resp_1')),
      wire('response.created', { response: response('resp_2') }),
      wire('output_audio_buffer.started', audioIds('resp_2')),
    );
    expect(run.take()).toEqual([
      'response.created: thinking',
      'output_audio_buffer.started: speaking',
      'input_audio_buffer.speech_started: user_speaking',
      'input_audio_buffer.speech_stopped: speaking',
      'output_audio_buffer.stopped: thinking',
      'output_audio_buffer.started: speaking',
    ]);
  });

  it('speaking wins over a tool call; the call shows once the audio ends', async () => {
    const run = await connectedRun();
    run.wire(
      wire('response.created', { response: response('resp_1') }),
      wire('output_audio_buffer.started', audioIds('resp_1')),
      wire('response.function_call_arguments.done', { response_id: 'resp_1', item_id: 'item_f1', output_index: 1, call_id: 'call_1', name: 'lookup', arguments: '{}' }),
      wire('response.done', { response: response('resp_1', 'completed') }),
      wire('output_audio_buffer.stopped', audioIds('resp_1')),
    );
    expect(run.take()).toEqual(['response.created: thinking', 'output_audio_buffer.started: speaking', 'output_audio_buffer.stopped: tool_running']);
  });

  it('text sent is thinking at once; a server error ends the wait (the response may never come)', async () => {
    const run = await connectedRun();
    run.step('sendText', () => run.session.sendText('Hello?'));
    run.wire(wire('error', { error: { type: 'invalid_request_error', code: 'conversation_already_has_active_response', message: 'Busy' } }));
    run.step('sendText', () => run.session.sendText('Hello again?'));
    run.wire(wire('response.created', { response: response('resp_1') }), wire('response.done', { response: response('resp_1', 'completed') }));
    expect(run.take()).toEqual(['sendText: thinking', 'error: listening', 'sendText: thinking', 'response.done: listening']);
  });

  it("push-to-talk: the app's commit ends the user's turn; a response.create alone does not think before the response starts", async () => {
    const run = await connectedRun({ config: { type: 'realtime', audio: { input: { turn_detection: null } } } });
    run.step('commit', () => run.session.sendEvent({ type: 'input_audio_buffer.commit' }));
    run.wire(wire('input_audio_buffer.committed', { item_id: 'item_u1', previous_item_id: null }));
    run.step('response.create', () => run.session.sendEvent({ type: 'response.create' }));
    run.wire(wire('response.created', { response: response('resp_1') }), wire('response.done', { response: response('resp_1', 'completed') }));
    run.step('greet', () => run.session.sendEvent({ type: 'response.create', response: { instructions: 'Say hello.' } }));
    run.wire(wire('response.created', { response: response('resp_2') }));
    expect(run.take()).toEqual(['input_audio_buffer.committed: thinking', 'response.done: listening', 'response.created: thinking']);
  });

  it('interrupt() stops the audio at once; the cancelled response thinks until it is done', async () => {
    const run = await connectedRun();
    run.wire(wire('response.created', { response: response('resp_1') }), wire('output_audio_buffer.started', audioIds('resp_1')));
    run.step('interrupt', () => run.session.interrupt());
    run.wire(wire('response.done', { response: response('resp_1', 'cancelled', { status_details: { type: 'cancelled', reason: 'client_cancelled' } }) }));
    expect(run.take()).toEqual(['response.created: thinking', 'output_audio_buffer.started: speaking', 'interrupt: thinking', 'response.done: listening']);
  });

  it('a disconnect wins over everything, and a new connection does not inherit a due response', async () => {
    const run = await connectedRun();
    run.step('sendText', () => run.session.sendText('Hello?'));
    run.step('drop', () => run.transport.drop());
    await run.connect();
    run.step('disconnect', () => run.session.disconnect());
    expect(run.take()).toEqual(['sendText: thinking', 'drop: disconnected', 'connect: connecting', 'connect: listening', 'disconnect: disconnected']);
  });

  it("a client-detected idle timeout re-prompts nobody: the agent keeps listening until the policy ends the session", async () => {
    const run = runAgentState({ idle: { timeoutMs: 8000, clientFallback: 'always', maxTimeouts: 1, endGraceMs: 5000 } });
    const timeouts: string[] = [];
    run.session.on('input_audio_timeout_triggered', (event) => timeouts.push(event.source));
    await run.connect();
    run.take();
    run.step('clock', () => run.clock.advance(8000));
    expect(timeouts).toEqual(['client']);
    expect(run.session.getState().idle.phase).toBe('ending');
    expect(run.take()).toEqual([]);
    run.step('clock', () => run.clock.advance(5000));
    expect(run.take()).toEqual(['clock: disconnected']);
  });

  it('a beta stream: the playback estimate says when the assistant is heard', async () => {
    const run = await connectedRun({ transport: { playbackReporting: 'none' } });
    const ids = { response_id: 'resp_1', item_id: 'item_a1', output_index: 0, content_index: 0 };
    run.wire(
      wire('input_audio_buffer.speech_started', { audio_start_ms: 100, item_id: 'item_u1' }),
      wire('input_audio_buffer.speech_stopped', { audio_end_ms: 900, item_id: 'item_u1' }),
      wire('input_audio_buffer.committed', { item_id: 'item_u1', previous_item_id: null }),
      wire('conversation.item.created', { previous_item_id: null, item: userAudioItem('item_u1') }),
      wire('response.created', { response: response('resp_1') }),
      wire('response.output_item.added', { response_id: 'resp_1', output_index: 0, item: assistantItem('item_a1') }),
      wire('conversation.item.created', { previous_item_id: 'item_u1', item: assistantItem('item_a1') }),
      wire('response.audio_transcript.delta', { ...ids, delta: 'Hi ' }),
      ...Array.from({ length: 5 }, () => wire('response.audio.delta', { ...ids, delta: AUDIO_100MS })),
      wire('response.audio_transcript.delta', { ...ids, delta: 'there.' }),
      wire('response.audio.done', ids),
      wire('response.audio_transcript.done', { ...ids, transcript: 'Hi there.' }),
      // Beta servers send no conversation.item.done.
      wire('response.output_item.done', { response_id: 'resp_1', output_index: 0, item: assistantItem('item_a1', 'completed', 'Hi there.') }),
      wire('response.done', { response: response('resp_1', 'completed', { output: [assistantItem('item_a1', 'completed', 'Hi there.')] }) }),
    );
    expect(run.take()).toEqual([...USER_TURN, 'response.audio.delta: speaking']);
    run.step('clock', () => run.clock.advance(499));
    expect(run.take()).toEqual([]);
    run.step('clock', () => run.clock.advance(1));
    expect(run.take()).toEqual(['clock: listening']);
  });
});

describe('agentState and out-of-band responses (conversation_id null)', () => {
  const outOfBand = (id: string) => [
    wire('response.created', { response: response(id, 'in_progress', { conversation_id: null, metadata: { purpose: 'classify' } }) }),
    wire('response.output_text.delta', { response_id: id, item_id: `item_${id}`, output_index: 0, content_index: 0, delta: 'positive' }),
    wire('response.output_text.done', { response_id: id, item_id: `item_${id}`, output_index: 0, content_index: 0, text: 'positive' }),
    wire('response.done', { response: response(id, 'completed', { conversation_id: null }) }),
  ];

  it('never make a listening agent think', async () => {
    const run = await connectedRun();
    run.step('response.create', () => run.session.sendEvent({ type: 'response.create', response: { conversation: 'none', metadata: { purpose: 'classify' } } }));
    run.wire(...outOfBand('resp_oob'));
    expect(run.take()).toEqual([]);
    expect(run.session.getState().agentState).toBe('listening');
  });

  it("do not end the conversation's wait for its answer", async () => {
    const run = await connectedRun();
    run.wire(
      wire('input_audio_buffer.speech_started', { audio_start_ms: 100, item_id: 'item_u1' }),
      wire('input_audio_buffer.speech_stopped', { audio_end_ms: 900, item_id: 'item_u1' }),
      ...outOfBand('resp_oob'),
      wire('response.created', { response: response('resp_1') }),
      wire('output_audio_buffer.started', { response_id: 'resp_1' }),
    );
    expect(run.take()).toEqual([...USER_TURN, 'output_audio_buffer.started: speaking']);
  });
});

describe('agentState is stored only when it changes', () => {
  async function speakingRun(): Promise<AgentStateRun> {
    const run = await connectedRun({ transport: { playbackReporting: 'none' } });
    run.wire(wire('response.created', { response: response('resp_1') }));
    run.wire(wire('response.output_audio.delta', { response_id: 'resp_1', item_id: 'item_a1', output_index: 0, content_index: 0, delta: AUDIO_100MS.repeat(20) }));
    expect(run.take()).toEqual(['response.created: thinking', 'response.output_audio.delta: speaking']);
    return run;
  }

  it('a message that changes nothing it reads makes no new state object', async () => {
    const run = await speakingRun();
    const before = run.session.getState();
    run.wire(
      wire('rate_limits.updated', { rate_limits: [{ name: 'tokens', limit: 1000, remaining: 900, reset_seconds: 1 }] }),
      wire('response.output_audio.delta', { response_id: 'resp_1', item_id: 'item_a1', output_index: 0, content_index: 0, delta: AUDIO_100MS }),
    );
    expect(run.session.getState()).toBe(before);
  });

  it('a text delta changes the transcript, and the agent state keeps its value', async () => {
    const run = await speakingRun();
    const seen: string[] = [];
    run.session.subscribe((state, previous) => {
      if (state.agentState !== previous.agentState) seen.push(state.agentState);
    });
    const before = run.session.getState();
    for (let i = 0; i < 50; i++) {
      run.wire(wire('response.output_audio_transcript.delta', { response_id: 'resp_1', item_id: 'item_a1', output_index: 0, content_index: 0, delta: `w${i} ` }));
    }
    expect(run.session.getState().transcript).not.toBe(before.transcript);
    expect(seen).toEqual([]);
    expect(run.take()).toEqual([]);
  });
});

describe('agentState in a transcription-only session: nobody answers, so nothing is due', () => {
  const userTurn = [
    wire('input_audio_buffer.speech_started', { audio_start_ms: 100, item_id: 'item_u1' }),
    wire('input_audio_buffer.speech_stopped', { audio_end_ms: 900, item_id: 'item_u1' }),
    wire('input_audio_buffer.committed', { item_id: 'item_u1', previous_item_id: null }),
    wire('conversation.item.input_audio_transcription.completed', {
      item_id: 'item_u1',
      content_index: 0,
      transcript: 'Hello.',
      usage: { type: 'duration', seconds: 1 },
    }),
  ];
  const TRANSCRIBED = ['input_audio_buffer.speech_started: user_speaking', 'input_audio_buffer.speech_stopped: listening'];

  it.each([0, 1])('opened by transcription_session.* (the capture, line %i)', async (line) => {
    const run = await connectedRun();
    run.wire(loadCapture('transcription-session')[line]!, ...userTurn);
    expect(run.take()).toEqual(TRANSCRIBED);
  });

  it('opened by a GA session.created of type "transcription"', async () => {
    const run = await connectedRun();
    run.wire(
      wire('session.created', {
        session: { type: 'transcription', id: 'sess_2', object: 'realtime.transcription_session', audio: { input: { transcription: { model: 'gpt-4o-transcribe' }, turn_detection: { type: 'server_vad' } } } },
      }),
      ...userTurn,
    );
    expect(run.take()).toEqual(TRANSCRIBED);
  });

  it('a later realtime session answers again, and a new connection forgets the kind', async () => {
    const run = await connectedRun();
    run.wire(loadCapture('transcription-session')[0]!, wire('session.updated', { session: { type: 'realtime' } }), ...userTurn.slice(0, 2));
    expect(run.take()).toEqual(USER_TURN);
    run.step('drop', () => run.transport.drop());
    await run.connect();
    run.wire(...userTurn.slice(0, 2));
    expect(run.take()).toEqual(['drop: disconnected', 'connect: connecting', 'connect: listening', ...USER_TURN]);
  });
});

describe('agentState when a response.done arrives without its response.created', () => {
  it('the real capture beta-response-failed: the failed response ends the wait', async () => {
    const run = await connectedRun();
    run.wire(...loadCapture('beta-response-failed'));
    expect(run.take()).toEqual([...USER_TURN, 'response.done: listening']);
  });

  it("a response's done does not end a turn committed while it ran (interrupt_response: false)", async () => {
    const run = await connectedRun();
    run.wire(
      wire('response.created', { response: response('resp_1') }),
      wire('input_audio_buffer.speech_started', { audio_start_ms: 100, item_id: 'item_u1' }),
      wire('input_audio_buffer.speech_stopped', { audio_end_ms: 900, item_id: 'item_u1' }),
      wire('input_audio_buffer.committed', { item_id: 'item_u1', previous_item_id: null }),
      wire('response.done', { response: response('resp_1', 'completed') }),
    );
    expect(run.take()).toEqual(['response.created: thinking', ...USER_TURN]);
    expect(run.session.getState().agentState).toBe('thinking');
  });
});

describe('agentState when the response that made a function call does not complete', () => {
  const call = (status: string | null) => ({ id: 'fc_1', type: 'function_call', status, call_id: 'call_1', name: 'lookup', arguments: '{"q":' });
  const calling = [
    wire('response.created', { response: response('resp_1') }),
    wire('response.function_call_arguments.done', { response_id: 'resp_1', item_id: 'fc_1', output_index: 0, call_id: 'call_1', name: 'lookup', arguments: '{"q":' }),
  ];

  it.each([
    ['failed', 'incomplete'],
    ['incomplete', 'incomplete'],
    ['cancelled', 'in_progress'],
    ['failed', null],
  ])('a %s response drops its call whose item is %s: nobody will answer it', async (status, itemStatus) => {
    const run = await connectedRun({ idle: { timeoutMs: 8000, clientFallback: 'always' } });
    run.wire(...calling, wire('response.done', { response: response('resp_1', status, { output: [call(itemStatus)] }) }));
    expect(run.take()).toEqual(['response.created: thinking', 'response.function_call_arguments.done: tool_running', 'response.done: listening']);
    // The idle clock runs again.
    expect(run.session.getState().idle.deadline).not.toBeNull();
  });

  it('a completed call of a cancelled response still waits for its output', async () => {
    const run = await connectedRun();
    run.wire(...calling, wire('response.done', { response: response('resp_1', 'cancelled', { output: [call('completed')] }) }));
    expect(run.take()).toEqual(['response.created: thinking', 'response.function_call_arguments.done: tool_running']);
  });
});
