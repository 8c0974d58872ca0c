import { describe as group, expect, it } from 'vitest';
import { SERVER_TIMEOUT_BACKUP_MARGIN_MS } from '../../../../src/core/session/index.ts';
import type { InputAudioTimeoutTriggeredEvent } from '../../../../src/core/session/index.ts';
import { response, setup, wire } from '../helpers.ts';

const semanticVad = { type: 'realtime' as const, audio: { input: { turn_detection: { type: 'semantic_vad' as const } } } };
const serverVad = {
  type: 'realtime' as const,
  audio: { input: { turn_detection: { type: 'server_vad' as const, silence_duration_ms: 700 } } },
};

const timeouts = (h: ReturnType<typeof setup>) =>
  h.events.filter((e): e is InputAudioTimeoutTriggeredEvent => e.type === 'input_audio_timeout_triggered');

const serverTimeout = (itemId: string, start = 1000, end = 9000) =>
  wire('input_audio_buffer.timeout_triggered', { audio_start_ms: start, audio_end_ms: end, item_id: itemId });

group('idle policy: config sent to the server', () => {
  it('sends idle_timeout_ms with server VAD, keeping the other VAD fields', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    const [update] = h.transport.sentOfType('session.update');
    expect(update?.session.audio?.input?.turn_detection).toEqual({
      type: 'server_vad',
      silence_duration_ms: 700,
      idle_timeout_ms: 8000,
    });
  });

  it('adopts idle_timeout_ms from the config when no idle policy is given', async () => {
    const config = { audio: { input: { turn_detection: { type: 'server_vad' as const, idle_timeout_ms: 12000 } } } };
    const h = setup({ config });
    expect(h.session.getIdlePolicy()).toEqual({ timeoutMs: 12000, clientFallback: 'auto', maxTimeouts: 3, endGraceMs: 20000 });
    await h.session.connect();
    expect(h.session.getState().idle).toMatchObject({ phase: 'counting', timeoutMs: 12000 });
  });

  it('never sends an idle timeout with semantic VAD (the client clock covers it)', async () => {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    expect(h.transport.sentOfType('session.update')[0]?.session.audio?.input?.turn_detection).toEqual({ type: 'semantic_vad' });
  });

  it('throws a clear RealtimeConfigError for an invalid policy at creation', () => {
    expect(() => setup({ idle: { timeoutMs: 3000 } })).toThrow(/between 5000 and 30000/);
    expect(() => setup({ idle: { timeoutMs: 8000, maxTimeouts: 0 } })).toThrow(/maxTimeouts/);
  });

  it('stays off without a timeout', async () => {
    const h = setup();
    await h.session.connect();
    h.clock.advance(60000);
    expect(h.session.getState().idle.phase).toBe('off');
    expect(timeouts(h)).toEqual([]);
    expect(h.clock.pending()).toBe(0);
  });
});

group('idle policy: the silence clock', () => {
  it('runs only while nobody speaks, no response runs and no tool call waits', async () => {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 5000 } });
    await h.session.connect();
    h.clock.advance(4000);
    h.emit(wire('input_audio_buffer.speech_started', { audio_start_ms: 4000, item_id: 'u1' }));
    h.clock.advance(10000); // paused while the user speaks
    h.emit(wire('input_audio_buffer.speech_stopped', { audio_end_ms: 14000, item_id: 'u1' }));
    h.emit(wire('response.created', { response: response('r1') }));
    h.clock.advance(10000); // paused while a response runs
    h.emit(
      wire('response.function_call_arguments.done', {
        response_id: 'r1', item_id: 'fc1', output_index: 0, call_id: 'call_1', name: 'lookup', arguments: '{}',
      }),
      wire('response.done', { response: response('r1', 'completed') }),
    );
    h.clock.advance(10000); // paused while the tool call waits for its output
    expect(timeouts(h)).toEqual([]);
    expect(h.session.getState().idle.phase).toBe('listening');

    h.session.sendEvent({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: 'call_1', output: '{"ok":true}' },
    });
    expect(h.session.getState().idle).toMatchObject({ phase: 'counting', deadline: h.clock.now() + 5000 });
    h.clock.advance(4999);
    expect(timeouts(h)).toEqual([]);
    h.clock.advance(1);
    expect(timeouts(h)).toHaveLength(1);
  });

  it('starts when the assistant audio has finished playing, as estimated from the audio received', async () => {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 5000 }, transport: { playbackReporting: 'none' } });
    await h.session.connect();
    const ids = { response_id: 'r1', item_id: 'a1', output_index: 0, content_index: 0 };
    // 2.4 s of PCM16 at 24 kHz: 115200 bytes.
    const audio = Buffer.alloc(115200).toString('base64');
    h.emit(
      wire('response.created', { response: response('r1') }),
      wire('response.output_audio.delta', { ...ids, delta: audio }),
      wire('response.done', { response: response('r1', 'completed') }),
    );
    expect(h.session.getState().assistantSpeaking).toBe(true);
    h.clock.advance(2399);
    expect(h.session.getState().idle.phase).toBe('listening');
    h.clock.advance(1);
    expect(h.session.getState().assistantSpeaking).toBe(false);
    expect(h.session.getState().idle).toMatchObject({ phase: 'counting', deadline: h.clock.now() + 5000 });
  });

  it('uses the transport playback events when the transport plays audio itself', async () => {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 5000 }, transport: { playbackReporting: 'transport' } });
    await h.session.connect();
    h.emit(wire('response.created', { response: response('r1') }));
    h.transport.emitPlayback({ type: 'started', responseId: 'r1' });
    h.emit(wire('response.done', { response: response('r1', 'completed') }));
    h.clock.advance(20000);
    expect(timeouts(h)).toEqual([]);
    h.transport.emitPlayback({ type: 'stopped', responseId: 'r1', playedMs: 20000 });
    h.clock.advance(5000);
    expect(timeouts(h)).toHaveLength(1);
  });
});

group('idle policy: server path and client fallback', () => {
  it('client fallback with semantic VAD: source client, itemId null, repeated while silence lasts', async () => {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 8000, maxTimeouts: null } });
    await h.session.connect();
    h.clock.advance(8000);
    expect(timeouts(h)).toEqual([
      { type: 'input_audio_timeout_triggered', itemId: null, audioStartMs: 0, audioEndMs: 8000, idleMs: 8000, source: 'client', count: 1 },
    ]);
    h.clock.advance(8000);
    expect(timeouts(h).map((e) => [e.count, e.audioStartMs, e.audioEndMs])).toEqual([
      [1, 0, 8000],
      [2, 8000, 16000],
    ]);
    expect(h.session.getState().idle).toMatchObject({ phase: 'timed_out', timeouts: 2 });
  });

  it('client fallback with turn detection off (push-to-talk)', async () => {
    const h = setup({ config: { audio: { input: { turn_detection: null } } }, idle: { timeoutMs: 5000 } });
    await h.session.connect();
    h.clock.advance(5000);
    expect(timeouts(h).map((e) => e.source)).toEqual(['client']);
  });

  it("clientFallback 'never' with semantic VAD: no source, phase stays listening", async () => {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 5000, clientFallback: 'never' } });
    await h.session.connect();
    h.clock.advance(60000);
    expect(timeouts(h)).toEqual([]);
  });

  it('server VAD in auto mode: the server event wins, the late client backup stays silent', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.clock.advance(8000);
    expect(timeouts(h)).toEqual([]); // the client waits for the server first
    h.clock.advance(100);
    h.emit(serverTimeout('idle_1'));
    h.clock.advance(8000 + SERVER_TIMEOUT_BACKUP_MARGIN_MS - 200);
    expect(timeouts(h).map((e) => `${e.source}:${e.count}`)).toEqual(['server:1']);
  });

  it('server VAD in auto mode: the client backup fires when the server event never comes', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.clock.advance(8000 + SERVER_TIMEOUT_BACKUP_MARGIN_MS);
    expect(timeouts(h).map((e) => `${e.source}:${e.count}:${e.idleMs}`)).toEqual([
      `client:1:${8000 + SERVER_TIMEOUT_BACKUP_MARGIN_MS}`,
    ]);
  });

  it('recognises a server timeout whose event was dropped by its silent commit, and counts it once', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    // A normal turn: speech, then a commit. Not a timeout.
    h.emit(
      wire('input_audio_buffer.speech_started', { audio_start_ms: 0, item_id: 'u1' }),
      wire('input_audio_buffer.speech_stopped', { audio_end_ms: 900, item_id: 'u1' }),
      wire('input_audio_buffer.committed', { item_id: 'u1', previous_item_id: null }),
    );
    h.clock.advance(8000);
    // The server's timeout_triggered never arrives (WebSocket); its commit and re-prompt do.
    h.emit(
      wire('input_audio_buffer.committed', { item_id: 'idle_1', previous_item_id: 'u1' }),
      wire('conversation.item.added', { previous_item_id: 'u1', item: { id: 'idle_1', type: 'message', role: 'user', content: [{ type: 'input_audio', transcript: null }] } }),
      wire('response.created', { response: response('r1') }),
    );
    expect(timeouts(h)).toEqual([
      expect.objectContaining({ source: 'server', itemId: 'idle_1', count: 1, inferred: true, idleMs: 8000 }),
    ]);
    expect(h.session.getState().transcript.get('idle_1')?.kind).toBe('idle_timeout');
    // The event arrives late after all: it refines the facts, it is not a second timeout.
    h.emit(serverTimeout('idle_1', 900, 8900));
    expect(timeouts(h)).toHaveLength(1);
    expect(h.session.getState().transcript.get('idle_1')?.idle).toEqual({ audioStartMs: 900, audioEndMs: 8900, idleMs: 8000, source: 'server' });
  });

  it('does not treat an app-requested commit as a timeout', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.session.sendEvent({ type: 'input_audio_buffer.commit' });
    h.emit(wire('input_audio_buffer.committed', { item_id: 'u1', previous_item_id: null }));
    expect(timeouts(h)).toEqual([]);
  });

  it('never counts one silence twice: a late server event after the client fired is ignored', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000, clientFallback: 'always' } });
    await h.session.connect();
    h.clock.advance(8000);
    h.clock.advance(300);
    h.emit(serverTimeout('idle_1'));
    // The re-prompt the server creates; the silent item still becomes an idle marker.
    h.emit(
      wire('conversation.item.added', { previous_item_id: null, item: { id: 'idle_1', type: 'message', role: 'user', content: [{ type: 'input_audio', transcript: null }] } }),
      wire('response.created', { response: response('r1') }),
      wire('response.done', { response: response('r1', 'completed') }),
    );
    expect(timeouts(h).map((e) => `${e.source}:${e.count}`)).toEqual(['client:1']);
    expect(h.session.getState().transcript.get('idle_1')?.kind).toBe('idle_timeout');

    // The next silence is a new race: both sources may fire again, once.
    h.clock.advance(7900);
    h.emit(serverTimeout('idle_2'));
    h.clock.advance(1000);
    expect(timeouts(h).map((e) => `${e.source}:${e.count}`)).toEqual(['client:1', 'server:2']);
  });

  it('never counts one silence twice: a late client clock after the server fired is ignored', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000, clientFallback: 'always' } });
    await h.session.connect();
    h.clock.advance(7800); // the server's clock started a little earlier than ours
    h.emit(serverTimeout('idle_1'));
    h.clock.advance(500);
    expect(timeouts(h).map((e) => `${e.source}:${e.count}`)).toEqual(['server:1']);
    // No response follows: the same silence goes on; only the server counts in it.
    h.clock.advance(7500);
    expect(timeouts(h)).toHaveLength(1);
    h.emit(serverTimeout('idle_2'));
    expect(timeouts(h).map((e) => `${e.source}:${e.count}`)).toEqual(['server:1', 'server:2']);
  });
});

group('idle policy: what the server reports', () => {
  const reported = (turnDetection: unknown) =>
    wire('session.updated', { session: { type: 'realtime', id: 'sess_1', audio: { input: { turn_detection: turnDetection } } } });

  it('follows the turn detection the server reports once it answered the update', async () => {
    const h = setup({ idle: { timeoutMs: 8000 } });
    await h.session.connect();
    // The server reports semantic VAD (someone changed it): the client clock takes over at timeoutMs.
    h.emit(reported({ type: 'semantic_vad', eagerness: 'auto' }));
    h.clock.advance(8000);
    expect(timeouts(h).map((e) => e.source)).toEqual(['client']);
  });

  it('uses the idle_timeout_ms the server reports for the deadline', async () => {
    const h = setup({ idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.emit(reported({ type: 'server_vad', idle_timeout_ms: 10000 }));
    expect(h.session.getState().idle).toMatchObject({ timeoutMs: 10000, deadline: h.clock.now() + 10000 });
    expect(h.session.getState().session?.id).toBe('sess_1');
  });

  it('stillHere() also resets the server clock (input_audio_buffer.clear) when it is armed', async () => {
    const h = setup({ idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.emit(serverTimeout('idle_1'));
    h.transport.clearRecords();
    h.session.stillHere();
    expect(h.transport.sent).toEqual([{ type: 'input_audio_buffer.clear' }]);
    expect(h.session.getState().idle).toMatchObject({ phase: 'counting', timeouts: 0 });
  });
});

group('idle policy: escalation, grace and dismissal', () => {
  async function escalated(extra: { endGraceMs?: number } = {}) {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 5000, maxTimeouts: 2, endGraceMs: 4000, ...extra } });
    await h.session.connect();
    h.clock.advance(10000);
    return h;
  }

  it('ends the session after maxTimeouts and the grace period', async () => {
    const h = await escalated();
    const start = h.clock.now();
    expect(h.session.getState().idle).toMatchObject({ phase: 'ending', timeouts: 2, endsAt: start + 4000, deadline: null });
    h.take();
    h.clock.advance(3999);
    expect(h.session.getState().status).toBe('connected');
    h.clock.advance(1);
    expect(h.take()).toEqual(['status_changed:disconnected', 'idle_changed:ended']);
    expect(h.session.getState().idle).toMatchObject({ phase: 'ended', endsAt: null });
    expect(h.transport.calls.at(-1)).toEqual({ method: 'close' });
    expect(h.clock.pending()).toBe(0);
  });

  it('stillHere() cancels the end and resets the count', async () => {
    const h = await escalated();
    h.clock.advance(2000);
    h.session.stillHere();
    expect(h.session.getState().idle).toMatchObject({ phase: 'counting', timeouts: 0, endsAt: null, deadline: h.clock.now() + 5000 });
    h.clock.advance(4999);
    expect(h.session.getState().status).toBe('connected');
    expect(timeouts(h)).toHaveLength(2);
  });

  it('user speech cancels the end and resets the count', async () => {
    const h = await escalated();
    h.emit(wire('input_audio_buffer.speech_started', { audio_start_ms: 10000, item_id: 'u9' }));
    expect(h.session.getState().idle).toMatchObject({ phase: 'listening', timeouts: 0, endsAt: null });
    h.clock.advance(60000);
    expect(h.session.getState().status).toBe('connected');
  });

  it('user text cancels the end and resets the count', async () => {
    const h = await escalated();
    h.session.sendText('I am here');
    expect(h.transport.sent.slice(-2).map((e) => e.type)).toEqual(['conversation.item.create', 'response.create']);
    expect(h.session.getState().idle).toMatchObject({ timeouts: 0, endsAt: null });
    h.clock.advance(4000);
    expect(h.session.getState().status).toBe('connected');
  });

  it('assistant speech (a re-prompt) does not cancel the end', async () => {
    const h = await escalated();
    h.emit(
      wire('response.created', { response: response('r1') }),
      wire('output_audio_buffer.started', { response_id: 'r1' }),
    );
    expect(h.session.getState().idle.phase).toBe('ending');
    h.clock.advance(4000);
    expect(h.session.getState()).toMatchObject({ status: 'disconnected', idle: { phase: 'ended' } });
  });

  it('a reconnect starts over', async () => {
    const h = await escalated({ endGraceMs: 0 });
    h.clock.advance(0);
    expect(h.session.getState().idle.phase).toBe('ended');
    await h.session.connect();
    expect(h.session.getState().idle).toMatchObject({ phase: 'counting', timeouts: 0 });
  });
});

group('idle policy: runtime changes', () => {
  it('setIdlePolicy sends the new timeout, validated, and moves the deadline', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.transport.clearRecords();
    h.clock.advance(1000);
    h.session.setIdlePolicy({ timeoutMs: 15000 });
    expect(h.transport.sent).toEqual([
      {
        type: 'session.update',
        event_id: expect.any(String),
        session: {
          type: 'realtime',
          audio: { input: { turn_detection: { type: 'server_vad', silence_duration_ms: 700, idle_timeout_ms: 15000 } } },
        },
      },
    ]);
    expect(h.session.getIdlePolicy().timeoutMs).toBe(15000);
    expect(h.session.getState().idle).toMatchObject({ timeoutMs: 15000, deadline: h.clock.now() + 15000 });
  });

  it('rejects an invalid timeout with an error event and sends nothing', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.transport.clearRecords();
    h.take();
    h.session.setIdlePolicy({ timeoutMs: 2500 });
    expect(h.transport.sent).toEqual([]);
    expect(h.take()).toEqual(['error:config:invalid_idle_policy']);
    expect(h.session.getIdlePolicy().timeoutMs).toBe(8000);
  });

  it('turning the timeout off and on again clears the input buffer (the server clock trap)', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.transport.clearRecords();
    h.session.setIdlePolicy({ timeoutMs: null });
    expect(h.transport.sent.map((e) => e.type)).toEqual(['session.update']);
    expect(h.session.getState().idle.phase).toBe('off');
    h.session.setIdlePolicy({ timeoutMs: 9000 });
    expect(h.transport.sent.map((e) => e.type)).toEqual(['session.update', 'session.update', 'input_audio_buffer.clear']);
  });

  it('updateSession adopts an explicit idle_timeout_ms, and keeps the policy timeout on a new VAD block', async () => {
    const h = setup({ idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.transport.clearRecords();
    h.session.updateSession({ audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 20000 } } } });
    expect(h.session.getIdlePolicy().timeoutMs).toBe(20000);
    h.session.updateSession({ audio: { input: { turn_detection: { type: 'server_vad', threshold: 0.6 } } } });
    const sent = h.transport.sentOfType('session.update').map((e) => e.session.audio?.input?.turn_detection);
    expect(sent).toEqual([
      { type: 'server_vad', idle_timeout_ms: 20000 },
      { type: 'server_vad', threshold: 0.6, idle_timeout_ms: 20000 },
    ]);
  });

  it('a raw session.update through sendEvent follows the same idle rules', async () => {
    const h = setup({ idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.transport.clearRecords();
    h.session.sendEvent({ type: 'session.update', session: { type: 'realtime', audio: { input: { turn_detection: { type: 'server_vad' } } } } });
    expect(h.transport.sentOfType('session.update')[0]?.session.audio?.input?.turn_detection).toEqual({
      type: 'server_vad',
      idle_timeout_ms: 8000,
    });
  });

  it('updateSession rejects an invalid patch with an error event and sends nothing', async () => {
    const h = setup({ idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.transport.clearRecords();
    h.take();
    h.session.updateSession({ audio: { input: { turn_detection: { type: 'semantic_vad', idle_timeout_ms: 8000 } } } } as never);
    expect(h.transport.sent).toEqual([]);
    expect(h.take()).toEqual(['error:config:invalid_config']);
  });

  it('switching to semantic VAD at runtime hands the silence to the client clock', async () => {
    const h = setup({ idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.session.updateSession({ audio: { input: { turn_detection: { type: 'semantic_vad' } } } });
    h.clock.advance(8000);
    expect(timeouts(h).map((e) => e.source)).toEqual(['client']);
  });
});

// Found by an audit of edge cases: each test failed before its fix.
group('idle policy: limits that change while it runs', () => {
  it('a server timeout still in flight after the app turned the timeout off is not counted', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000, maxTimeouts: 1 } });
    await h.session.connect();
    h.clock.advance(7900);
    h.session.setIdlePolicy({ timeoutMs: null });
    h.emit(serverTimeout('i1'));
    h.clock.advance(20000);
    expect(timeouts(h)).toEqual([]);
    expect(h.session.getState()).toMatchObject({ status: 'connected', idle: { phase: 'off', timeouts: 0 } });
  });

  it('a timeout the server runs although the policy never asked for one can be turned off', async () => {
    const h = setup();
    await h.session.connect();
    const session = { type: 'realtime', id: 's1', audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 8000 } } } };
    h.emit(wire('session.created', { session }));
    expect(h.session.getState().idle).toMatchObject({ phase: 'counting', timeoutMs: 8000 });
    h.transport.clearRecords();
    h.session.setIdlePolicy({ timeoutMs: null });
    const [update] = h.transport.sentOfType('session.update');
    expect(update?.session.audio?.input?.turn_detection).toMatchObject({ type: 'server_vad', idle_timeout_ms: null });
    expect(h.session.getState().idle.phase).toBe('off');
  });

  it('turning the timeout off while timed out or ending takes the banner down', async () => {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 5000, maxTimeouts: 1, endGraceMs: 4000 } });
    await h.session.connect();
    h.clock.advance(5000);
    expect(h.session.getState().idle.phase).toBe('ending');
    h.session.setIdlePolicy({ timeoutMs: null });
    expect(h.session.getState().idle).toMatchObject({ phase: 'off', timeouts: 0, endsAt: null });
    h.clock.advance(10000);
    expect(h.session.getState().status).toBe('connected');
    expect(h.clock.pending()).toBe(0);
  });

  it('raising maxTimeouts (or null) during the countdown cancels the end; lowering it to the count starts it', async () => {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 5000, maxTimeouts: 1, endGraceMs: 4000 } });
    await h.session.connect();
    h.clock.advance(5000);
    h.session.setIdlePolicy({ maxTimeouts: null });
    expect(h.session.getState().idle).toMatchObject({ phase: 'timed_out', timeouts: 1, endsAt: null });
    h.clock.advance(4000);
    expect(h.session.getState().status).toBe('connected');
    h.session.setIdlePolicy({ maxTimeouts: 1 });
    expect(h.session.getState().idle).toMatchObject({ phase: 'ending', endsAt: h.clock.now() + 4000 });
  });

  it('a new endGraceMs changes the length of a running countdown, from its start', async () => {
    const h = setup({ config: semanticVad, idle: { timeoutMs: 5000, maxTimeouts: 1, endGraceMs: 4000 } });
    await h.session.connect();
    h.clock.advance(5000);
    const started = h.clock.now();
    h.clock.advance(1000);
    h.session.setIdlePolicy({ endGraceMs: 9000 });
    expect(h.session.getState().idle.endsAt).toBe(started + 9000);
    h.clock.advance(7999);
    expect(h.session.getState().status).toBe('connected');
    h.clock.advance(1);
    expect(h.session.getState().idle.phase).toBe('ended');
  });

  it('the same timeout_triggered delivered twice is counted once', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.clock.advance(8000);
    h.emit(serverTimeout('idle_1'), serverTimeout('idle_1'));
    expect(timeouts(h).map((e) => e.count)).toEqual([1]);
  });

  it('after the client backup fired, the deadline is when the backup fires next', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000, maxTimeouts: null } });
    await h.session.connect();
    h.clock.advance(8000 + SERVER_TIMEOUT_BACKUP_MARGIN_MS);
    expect(timeouts(h).map((e) => e.source)).toEqual(['client']);
    const { deadline } = h.session.getState().idle;
    h.clock.advance(deadline! - h.clock.now() - 1);
    expect(timeouts(h)).toHaveLength(1);
    h.clock.advance(1);
    expect(timeouts(h)).toHaveLength(2);
  });

  it('a reconnect forgets speech and app commits of the old connection: a silent commit is still recognised', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.emit(wire('input_audio_buffer.speech_started', { audio_start_ms: 100, item_id: 'u1' }));
    h.session.sendEvent({ type: 'input_audio_buffer.commit' });
    h.transport.drop(new Error('network'));
    await h.session.connect();
    h.clock.advance(8000);
    h.emit(wire('input_audio_buffer.committed', { item_id: 'idle_1', previous_item_id: null }));
    expect(timeouts(h)).toMatchObject([{ source: 'server', inferred: true, itemId: 'idle_1' }]);
  });

  it('a commit the server refused (empty buffer) does not hide the next silent commit', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.session.sendEvent({ type: 'input_audio_buffer.commit' });
    h.emit(wire('error', { error: { type: 'invalid_request_error', code: 'input_audio_buffer_commit_empty', message: 'buffer too small' } }));
    h.clock.advance(8000);
    h.emit(wire('input_audio_buffer.committed', { item_id: 'idle_1', previous_item_id: null }));
    expect(timeouts(h)).toMatchObject([{ source: 'server', inferred: true }]);
  });

  it('turning the server timeout back on while the user speaks does not clear their audio', async () => {
    const h = setup({ config: serverVad, idle: { timeoutMs: 8000 } });
    await h.session.connect();
    h.session.setIdlePolicy({ timeoutMs: null });
    h.emit(wire('input_audio_buffer.speech_started', { audio_start_ms: 100, item_id: 'u1' }));
    h.transport.clearRecords();
    h.session.setIdlePolicy({ timeoutMs: 9000 });
    expect(h.transport.sent.map((e) => e.type)).toEqual(['session.update']);
  });
});
