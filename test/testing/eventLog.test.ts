import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseServerEvent } from '../../src/core/protocol/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { formatEventLog } from '../../src/testing/replay/formatEventLog.ts';
import { parseEventLog } from '../../src/testing/replay/parseEventLog.ts';
import { replayEventLog } from '../../src/testing/replay/replayEventLog.ts';
import { scenario } from '../../src/testing/scenario/index.ts';
import { idleConversation } from './idleConversation.ts';

const fixturePath = fileURLToPath(new URL('../../src/testing/fixtures/idle-conversation.jsonl', import.meta.url));
const started = { type: 'input_audio_buffer.speech_started', event_id: 'event_1', audio_start_ms: 0, item_id: 'item_1' };

describe('parseEventLog', () => {
  it('reads raw events, timed events and transport steps; times are relative to the first timed line', () => {
    const log = [
      JSON.stringify({ t: 1000, event: started }),
      '',
      JSON.stringify({ t: 1250, event: { ...started, event_id: 'event_2' } }),
      JSON.stringify({ ...started, event_id: 'event_3' }),
      JSON.stringify({ t: 2000, playback: { type: 'stopped', playedMs: 700 } }),
      JSON.stringify({ t: 3000, transport: 'drop', error: 'socket closed' }),
    ].join('\r\n');
    const { steps, problems } = parseEventLog(log, { gapMs: 10 });
    expect(problems).toEqual([]);
    expect(steps).toEqual([
      { atMs: 0, event: started },
      { atMs: 250, event: { ...started, event_id: 'event_2' } },
      { atMs: 260, event: { ...started, event_id: 'event_3' } },
      { atMs: 1000, playback: { type: 'stopped', playedMs: 700 } },
      { atMs: 2000, transport: 'drop', error: 'socket closed' },
    ]);
  });

  it('places the first timed line right after untimed lines before it', () => {
    const log = [JSON.stringify(started), JSON.stringify(started), JSON.stringify({ t: 5000, event: started }), JSON.stringify({ t: 5300, event: started })].join('\n');
    expect(parseEventLog(log, { gapMs: 20 }).steps.map((s) => s.atMs)).toEqual([0, 20, 40, 340]);
  });

  it('reports bad lines with their numbers and keeps the good ones, never throws', () => {
    const log = [
      JSON.stringify(started), // 1 ok
      '{"type": "response.done", ', // 2 malformed
      '[1,2]', // 3 not an object
      '42', // 4 not an object
      JSON.stringify({ no: 'type' }), // 5
      JSON.stringify({ t: 'soon', event: started }), // 6
      JSON.stringify({ t: 5, event: 'text' }), // 7
      JSON.stringify({ t: 5, transport: 'explode' }), // 8
      JSON.stringify({ t: 5, playback: { type: 'paused' } }), // 9
      JSON.stringify({ t: 100, event: started }), // 10 ok (origin 100)
      JSON.stringify({ t: 50, event: started }), // 11 back in time: delivered at the previous time
      JSON.stringify({ type: 'some.future_event', event_id: 'event_9' }), // 12 ok: unknown types are replayed
    ].join('\n');
    const { steps, problems } = parseEventLog(log);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(problems[0]!.message).toMatch(/malformed JSON/);
    expect(problems[0]!.text).toBe('{"type": "response.done", ');
    expect(steps).toHaveLength(4);
    expect(steps[2]).toEqual({ atMs: 0, event: started });
    expect(steps[3]).toEqual({ atMs: 0, event: { type: 'some.future_event', event_id: 'event_9' } });
  });

  it('strips a leading BOM and skips # and // comment lines', () => {
    const log = '\uFEFF' + [JSON.stringify({ t: 0, event: started }), '# recorded 2026-11-24', '  // a note', JSON.stringify({ t: 40, event: started })].join('\n');
    const { steps, problems } = parseEventLog(log);
    expect(problems).toEqual([]);
    expect(steps).toEqual([
      { atMs: 0, event: started },
      { atMs: 40, event: started },
    ]);
  });

  it('delivers a line that goes back in time at the previous time, in log order', () => {
    const other = { ...started, event_id: 'event_2' };
    const log = [JSON.stringify({ t: 1000, event: started }), JSON.stringify({ t: 1200, event: started }), JSON.stringify({ t: 1100, event: other })].join('\n');
    const { steps, problems } = parseEventLog(log);
    expect(problems).toEqual([]);
    expect(steps.map((step) => step.atMs)).toEqual([0, 200, 200]);
    expect(steps[2]).toEqual({ atMs: 200, event: other });
  });

  it('round-trips a timeline whose first step is not at 0 (an origin line keeps absolute times)', () => {
    const timeline = scenario({ audio: 'placeholder' }).silence(5000).assistantSays('Hi').build();
    expect(timeline[0]!.atMs).toBeGreaterThan(5000);
    const text = formatEventLog(timeline);
    expect(text.split('\n')[0]).toBe('{"origin":0}');
    const { steps, problems } = parseEventLog(text);
    expect(problems).toEqual([]);
    expect(steps).toEqual(timeline);
    expect(parseEventLog('{"t":1,"event":{"type":"x"}}\n{"origin":0}\n').problems[0]!.message).toMatch(/origin.*before/);
  });

  it('round-trips a built timeline through formatEventLog', () => {
    const timeline = scenario({ flavor: 'websocket', audio: 'placeholder' })
      .sessionCreated()
      .userSays('Hi')
      .assistantSays('Hello!')
      .disconnect()
      .build();
    const { steps, problems } = parseEventLog(formatEventLog(timeline));
    expect(problems).toEqual([]);
    expect(steps).toEqual(timeline);
  });
});

describe('recorded fixture', () => {
  const text = readFileSync(fixturePath, 'utf8');

  it('is the JSONL of the idle conversation scenario (regenerate with UPDATE_FIXTURES=1)', () => {
    const expected = formatEventLog(idleConversation());
    if (process.env.UPDATE_FIXTURES) writeFileSync(fixturePath, expected);
    expect(text).toBe(expected);
  });

  it('parses without problems and holds only protocol-valid events, an idle timeout among them', () => {
    const { steps, problems } = parseEventLog(text);
    expect(problems).toEqual([]);
    const types = steps.flatMap((step) => ('event' in step ? [step.event.type] : []));
    expect(types).toContain('input_audio_buffer.timeout_triggered');
    for (const step of steps) if ('event' in step) expect(parseServerEvent(JSON.stringify(step.event)).ok).toBe(true);
  });

  it('replays through the mock transport on a virtual clock', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport();
    await transport.connect({ signal: new AbortController().signal });
    const received: string[] = [];
    transport.on('message', (data) => received.push(String(data)));
    const replay = replayEventLog(text + 'oops\n', { transport, clock, speed: 2 });
    expect(replay.problems).toHaveLength(1);
    const { steps } = parseEventLog(text);
    clock.advance(steps.at(-1)!.atMs / 2);
    expect(await replay.done).toMatchObject({ played: steps.length, stopped: false });
    expect(received).toHaveLength(steps.filter((s) => 'event' in s).length);
  });
});
