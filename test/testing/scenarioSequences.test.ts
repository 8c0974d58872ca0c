import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/testing/scenario/index.ts';
import type { ScenarioStep } from '../../src/testing/scenario/types.ts';

type Wire = { type: string; [key: string]: unknown };
const events = (timeline: readonly ScenarioStep[]): Wire[] =>
  timeline.flatMap((step) => ('event' in step ? [{ atMs: step.atMs, ...(step.event as Wire) }] : []));

/** Index of the first event matching, after `from`; fails the test when absent. */
function indexOf(list: Wire[], match: (event: Wire) => boolean, from = 0): number {
  const index = list.findIndex((event, i) => i >= from && match(event));
  if (index < 0) throw new Error(`no matching event after index ${from}`);
  return index;
}
const ofType = (type: string, extra: (event: Wire) => boolean = () => true) => (event: Wire) => event.type === type && extra(event);
const itemRole = (role: string) => (event: Wire) => (event.item as { role?: string } | undefined)?.role === role;

/** Asserts the events occur in this order (each after the previous match) and returns their indexes. */
function expectInOrder(list: Wire[], matchers: ((event: Wire) => boolean)[]): number[] {
  const found: number[] = [];
  let from = 0;
  for (const match of matchers) {
    const index = indexOf(list, match, from);
    found.push(index);
    from = index + 1;
  }
  return found;
}

describe('scenario sequences follow PROTOCOL.md', () => {
  it('A: the user speaks, the model answers (with the user transcript landing after the answer began)', () => {
    const list = events(scenario().sessionCreated().userSays('What is the weather like?').assistantSays('It is sunny and warm today in Paris.').build());
    const [, , , , , created, , , , , , , , , , doneIndex] = expectInOrder(list, [
      ofType('input_audio_buffer.speech_started'),
      ofType('input_audio_buffer.speech_stopped'),
      ofType('input_audio_buffer.committed'),
      ofType('conversation.item.added', itemRole('user')),
      ofType('conversation.item.done', itemRole('user')),
      ofType('response.created'),
      ofType('response.output_item.added'),
      ofType('conversation.item.added', itemRole('assistant')),
      ofType('response.content_part.added'),
      ofType('response.output_audio_transcript.delta'),
      ofType('response.output_audio.done'),
      ofType('response.output_audio_transcript.done'),
      ofType('response.content_part.done'),
      ofType('conversation.item.done', itemRole('assistant')),
      ofType('response.output_item.done'),
      ofType('response.done'),
      ofType('rate_limits.updated'),
      ofType('output_audio_buffer.stopped'),
    ]);
    // The user item is committed with no transcript yet; its transcription arrives after response.created.
    const userItem = list.find(ofType('conversation.item.added', itemRole('user')))!.item as { content: { type: string; transcript: unknown }[] };
    expect(userItem.content).toEqual([{ type: 'input_audio', transcript: null }]);
    const completed = indexOf(list, ofType('conversation.item.input_audio_transcription.completed'));
    expect(completed).toBeGreaterThan(created!);
    expect(completed).toBeLessThan(doneIndex!);
    expect(list[completed]!.transcript).toBe('What is the weather like?');

    // Transcript and audio deltas interleave, and the transcript deltas join to the text.
    const deltaTypes = list.filter((e) => e.type.startsWith('response.output_audio')).map((e) => e.type);
    const firstAudio = deltaTypes.indexOf('response.output_audio.delta');
    const lastTranscript = deltaTypes.lastIndexOf('response.output_audio_transcript.delta');
    expect(firstAudio).toBeLessThan(lastTranscript);
    expect(list.filter(ofType('response.output_audio_transcript.delta')).map((e) => e.delta).join('')).toBe('It is sunny and warm today in Paris.');
    // Playback starts with the audio and the stop comes after response.done (playback is real time, generation faster).
    expect(indexOf(list, ofType('output_audio_buffer.started'))).toBeLessThan(indexOf(list, ofType('response.done')));
  });

  it('chains previous_item_id through every item, and ids look like the server’s', () => {
    const timeline = scenario().userSays('One').assistantSays('Two').idleTimeout().toolCall('f', {}).userSays('Three').build();
    const added = events(timeline).filter(ofType('conversation.item.added'));
    expect(added).toHaveLength(6);
    expect(added[0]!.previous_item_id).toBeNull();
    for (let i = 1; i < added.length; i++) expect(added[i]!.previous_item_id).toBe((added[i - 1]!.item as { id: string }).id);
    for (const event of events(timeline)) {
      expect(event.event_id).toMatch(/^event_[A-Za-z0-9]{21}$/);
      if (typeof event.item_id === 'string') expect(event.item_id).toMatch(/^item_[A-Za-z0-9]{21}$/);
      if (typeof event.response_id === 'string') expect(event.response_id).toMatch(/^resp_[A-Za-z0-9]{21}$/);
    }
  });

  it('B: idle timeout after playback ended and idle_timeout_ms passed, then the re-prompt', () => {
    const list = events(scenario().sessionCreated({ idleTimeoutMs: 7000 }).assistantSays('Hello!').idleTimeout().build());
    const stopped = list.find(ofType('output_audio_buffer.stopped'))!;
    const [timeoutIndex] = expectInOrder(list, [
      ofType('input_audio_buffer.timeout_triggered'),
      ofType('input_audio_buffer.committed'),
      ofType('conversation.item.added', itemRole('user')),
      ofType('conversation.item.done', itemRole('user')),
      ofType('response.created'),
      ofType('response.output_audio_transcript.delta'),
      ofType('response.done'),
    ]);
    const timeout = list[timeoutIndex!]!;
    expect(timeout.atMs).toBe((stopped.atMs as number) + 7000);
    expect((timeout.audio_end_ms as number) - (timeout.audio_start_ms as number)).toBe(7000);
    expect(list[timeoutIndex! + 1]!.item_id).toBe(timeout.item_id);
    const silent = list.find(ofType('conversation.item.added', itemRole('user')))!;
    expect((silent.item as { id: string; content: unknown }).id).toBe(timeout.item_id);
    expect((silent.item as { content: unknown }).content).toEqual([{ type: 'input_audio', transcript: null }]);
    expect(list.some((e) => e.type.startsWith('input_audio_buffer.speech_'))).toBe(false);
    expect(list.filter(ofType('response.output_audio_transcript.delta')).slice(-4).map((e) => e.delta).join('')).toBe('Are you still there?');
  });

  it('B: the timeout counts from the end of playback, including earlier silence, and repeats', () => {
    const list = events(scenario().assistantSays('Hi', { audioMs: 1000 }).silence(3000).idleTimeout({ idleMs: 5000 }).idleTimeout({ idleMs: 5000, reprompt: false }).build());
    const [first, second] = list.filter(ofType('input_audio_buffer.timeout_triggered'));
    const stops = list.filter(ofType('output_audio_buffer.stopped'));
    expect(first!.atMs).toBe((stops[0]!.atMs as number) + 5000);
    expect(second!.atMs).toBe((stops[1]!.atMs as number) + 5000);
  });

  it('C: interruption cancels the response (turn_detected), clears the buffer and truncates to what was heard', () => {
    const timeline = scenario()
      .userSays('Tell me a story')
      .assistantSays('Once upon a time, in a village by the sea, there lived an old fisherman.', { audioMs: 5000 })
      .interruption({ afterMs: 1200, userSays: 'Actually, stop.' })
      .build();
    const list = events(timeline);
    const [created, speech, cleared, done, truncated] = expectInOrder(list, [
      ofType('response.created'),
      ofType('input_audio_buffer.speech_started'),
      ofType('output_audio_buffer.cleared'),
      ofType('response.done'),
      ofType('conversation.item.truncated'),
    ]);
    expect(speech).toBeGreaterThan(created!);
    const started = list.find(ofType('output_audio_buffer.started'))!;
    expect(list[speech!]!.atMs).toBe((started.atMs as number) + 1200);
    const response = list[done!]!.response as { status: string; status_details: { reason: string }; output: { status: string }[] };
    expect(response.status).toBe('cancelled');
    expect(response.status_details.reason).toBe('turn_detected');
    expect(response.output[0]!.status).toBe('incomplete');
    expect(list[truncated!]!.audio_end_ms).toBe(1200);
    expect(list[cleared!]!.response_id).toBe((list[created!]!.response as { id: string }).id);
    // Nothing of the cut answer after the cut: no stopped, no completed response.
    expect(list.some(ofType('output_audio_buffer.stopped'))).toBe(false);
    expect(list.filter(ofType('response.done'))).toHaveLength(1);
    // The interrupting user item is committed after the assistant item, with its transcript.
    const completed = list.filter(ofType('conversation.item.input_audio_transcription.completed'));
    expect(completed.at(-1)!.transcript).toBe('Actually, stop.');
  });

  it('C over WebSocket: the client player reports the interruption instead of output_audio_buffer events', () => {
    const timeline = scenario({ flavor: 'websocket' }).assistantSays('A long answer that goes on for a while.', { audioMs: 3000 }).interruption({ afterMs: 500 }).build();
    expect(events(timeline).some((e) => e.type.startsWith('output_audio_buffer.'))).toBe(false);
    const playback = timeline.flatMap((step) => ('playback' in step ? [step.playback] : []));
    expect(playback.map((p) => p.type)).toEqual(['started', 'interrupted']);
    expect(playback[1]).toMatchObject({ playedMs: 500 });
  });

  it('an interruption after generation finished truncates without cancelling', () => {
    const list = events(scenario({ generationSpeed: 10 }).assistantSays('Done quickly.', { audioMs: 3000 }).interruption({ afterMs: 2500 }).build());
    const response = list.find(ofType('response.done'))!.response as { status: string };
    expect(response.status).toBe('completed');
    expect(list.some(ofType('conversation.item.truncated'))).toBe(true);
  });

  it('audio deltas carry real PCM16 24 kHz payloads (40 ms = 1920 bytes)', () => {
    const list = events(scenario().assistantSays('Hello there', { audioMs: 1000 }).build());
    const deltas = list.filter(ofType('response.output_audio.delta')).map((e) => Buffer.from(e.delta as string, 'base64').length);
    expect(deltas).toEqual(Array(25).fill(1920));
    const odd = events(scenario({ audioChunkMs: 100 }).assistantSays('x', { audioMs: 250 }).build());
    expect(odd.filter(ofType('response.output_audio.delta')).map((e) => Buffer.from(e.delta as string, 'base64').length)).toEqual([4800, 4800, 2400]);
  });

  it('WebRTC flavour sends no audio deltas; placeholder audio is tiny', () => {
    const webrtc = events(scenario({ flavor: 'webrtc' }).assistantSays('Hi').build());
    expect(webrtc.some(ofType('response.output_audio.delta'))).toBe(false);
    expect(webrtc.some(ofType('output_audio_buffer.stopped'))).toBe(true);
    const small = events(scenario({ audio: 'placeholder' }).assistantSays('Hi').build());
    expect(small.filter(ofType('response.output_audio.delta')).every((e) => (e.delta as string).length < 32)).toBe(true);
  });

  it('tool calls stream arguments that join to the JSON', () => {
    const list = events(scenario().toolCall('get_weather', { city: 'Paris' }).build());
    const args = list.filter(ofType('response.function_call_arguments.delta')).map((e) => e.delta).join('');
    expect(args).toBe('{"city":"Paris"}');
    expect(list.find(ofType('response.function_call_arguments.done'))).toMatchObject({ name: 'get_weather', arguments: args });
  });

  it('disconnect is a transport step that ends delivery; later in-flight events are lost', () => {
    const timeline = scenario().userSays('Hi', { transcriptDelayMs: 1000 }).disconnect({ error: 'socket closed' }).build();
    expect(timeline.at(-1)).toMatchObject({ transport: 'drop', error: 'socket closed' });
    expect(events(timeline).some(ofType('conversation.item.input_audio_transcription.completed'))).toBe(false);
  });

  it('is deterministic per seed and ordered in time', () => {
    const build = (seed: number) => scenario({ seed }).userSays('Hi').assistantSays('Hello').idleTimeout().build();
    expect(build(3)).toEqual(build(3));
    expect(build(3)).not.toEqual(build(4));
    const timeline = build(5);
    for (let i = 1; i < timeline.length; i++) expect(timeline[i]!.atMs).toBeGreaterThanOrEqual(timeline[i - 1]!.atMs);
  });

  it('rejects an interruption with nothing spoken to cut, or outside the audio', () => {
    expect(() => scenario().userSays('Hi').interruption()).toThrow(/must follow/);
    expect(() => scenario().assistantSays('Hi', { modality: 'text' }).interruption()).toThrow(/must follow/);
    expect(() => scenario().assistantSays('Hi', { audioMs: 1000 }).interruption({ afterMs: 1000 }).build()).toThrow(RangeError);
    expect(() => scenario().silence(-1).build()).toThrow(RangeError);
  });
});

describe('scenario builder: only what the server sends', () => {
  it('refuses idleTimeout() when the session has no server idle timeout', () => {
    expect(() => scenario().sessionCreated({ turnDetection: 'semantic_vad' }).assistantSays('Hi').idleTimeout().build()).toThrow(/no idle timeout/);
    expect(() => scenario().sessionCreated().assistantSays('Hi').idleTimeout().build()).toThrow(/no idle timeout/);
    expect(() => scenario().sessionCreated({ turnDetection: null }).idleTimeout({ idleMs: 6000 }).build()).toThrow(/no idle timeout/);
    expect(() => scenario().sessionCreated({ idleTimeoutMs: 8000 }).sessionUpdated({ idleTimeoutMs: null }).idleTimeout().build()).toThrow(/no idle timeout/);
    const first = scenario().sessionCreated().build();
    expect(() => scenario({ after: first }).idleTimeout().build()).toThrow(/no idle timeout/);
    // With the idle timeout on, or no session event at all (a fragment), it is fine.
    expect(() => scenario().sessionCreated({ idleTimeoutMs: 5000 }).idleTimeout().build()).not.toThrow();
    expect(() => scenario().assistantSays('Hi').idleTimeout().build()).not.toThrow();
  });

  it('refuses an idle timeout the server would reject', () => {
    expect(() => scenario().sessionCreated({ idleTimeoutMs: 100 }).build()).toThrow(/5000\.\.30000.*got 100/);
    expect(() => scenario().sessionCreated({ idleTimeoutMs: 30001 }).build()).toThrow(RangeError);
    expect(() => scenario().sessionUpdated({ idleTimeoutMs: 8000.5 }).build()).toThrow(RangeError);
    expect(() => scenario().sessionCreated({ idleTimeoutMs: 8000, turnDetection: 'semantic_vad' }).build()).toThrow(/server VAD/);
    expect(() => scenario().sessionCreated({ idleTimeoutMs: 30000 }).sessionCreated({ idleTimeoutMs: null }).build()).not.toThrow();
  });
});
