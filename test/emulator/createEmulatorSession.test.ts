import { afterEach, describe, expect, it } from 'vitest';
import { parseServerEvent } from '../../src/core/protocol/parseServerEvent.ts';
import { createEmulatorSession, type EmulatorSession } from '../../src/emulator/createEmulatorSession.ts';

type Event = { type: string; [key: string]: unknown };

const sessions: EmulatorSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

function harness(transport: 'websocket' | 'webrtc') {
  const events: Event[] = [];
  const plays: Array<{ samples: number; end: () => void; stopped: boolean }> = [];
  const session = createEmulatorSession({
    transport,
    streamIntervalMs: 2,
    idleTimeScale: 0.02,
    send: (event) => events.push(event as Event),
    playAudio: (pcm, onEnd) => {
      const play = { samples: pcm.length, end: onEnd, stopped: false };
      plays.push(play);
      return { stop: () => void (play.stopped = true) };
    },
  });
  sessions.push(session);
  session.start();
  const speak = (ms: number, loud: boolean) => {
    const pcm = new Int16Array((ms / 1000) * 24000);
    if (loud) for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(9000 * Math.sin(i / 20));
    session.pushAudio(pcm, 24000);
  };
  const types = () => events.map((e) => e.type);
  const send = (event: object) => session.receive(JSON.stringify(event));
  return { session, events, plays, speak, types, send };
}

const idleConfig = { type: 'realtime', audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 5000 } } } };

describe('createEmulatorSession', () => {
  it('over WebRTC plays the reply as media and starts the idle clock only after it has played', async () => {
    const h = harness('webrtc');
    h.send({ type: 'session.update', session: idleConfig });
    h.speak(500, true);
    h.speak(600, false);
    await expect.poll(() => h.types().includes('response.done')).toBe(true);
    expect(h.types()).toContain('output_audio_buffer.started');
    expect(h.types()).not.toContain('response.output_audio.delta');
    expect(h.plays).toHaveLength(1);
    // Playback still running: no timeout however long we wait.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.types()).not.toContain('input_audio_buffer.timeout_triggered');
    h.plays[0]?.end();
    expect(h.types().at(-1)).toBe('output_audio_buffer.stopped');
    await expect.poll(() => h.types().includes('input_audio_buffer.timeout_triggered')).toBe(true);
    for (const event of h.events) expect(parseServerEvent(event).ok, event.type).toBe(true);
  });

  it('cancels a response when the user barges in (sequence C) and clears the WebRTC output buffer', async () => {
    const h = harness('webrtc');
    h.send({ type: 'response.create' });
    await expect.poll(() => h.types().includes('response.created')).toBe(true);
    h.speak(200, true);
    const done = h.events.find((e) => e.type === 'response.done');
    expect(done?.response).toMatchObject({ status: 'cancelled', status_details: { reason: 'turn_detected' } });
    expect(h.types()).toContain('output_audio_buffer.cleared');
    expect(h.plays[0]?.stopped).toBe(true);
  });

  it('fires on silence with a text-only re-prompt and acknowledges input_audio_buffer.clear', async () => {
    const h = harness('websocket');
    h.send({ type: 'session.update', session: { ...idleConfig, output_modalities: ['text'] } });
    await expect.poll(() => h.types().filter((t) => t === 'input_audio_buffer.timeout_triggered').length, { timeout: 3000 }).toBeGreaterThanOrEqual(1);
    h.send({ type: 'input_audio_buffer.clear' });
    expect(h.types()).toContain('input_audio_buffer.cleared');
    const timeouts = h.events.filter((e) => e.type === 'input_audio_buffer.timeout_triggered');
    // The re-prompt is text-only here: output_text deltas, no audio. It streams on a timer after
    // the timeout, so wait for it rather than expect it already sent.
    await expect.poll(() => h.types()).toContain('response.output_text.delta');
    expect(h.types()).not.toContain('response.output_audio.delta');
    expect(timeouts[0]?.audio_end_ms as number).toBeGreaterThanOrEqual(timeouts[0]?.audio_start_ms as number);
  });

  it('stops media playback on output_audio_buffer.clear, even after response.done', async () => {
    const h = harness('webrtc');
    h.send({ type: 'response.create' });
    await expect.poll(() => h.types().includes('response.done')).toBe(true);
    expect(h.plays[0]?.stopped).toBe(false);
    h.send({ type: 'output_audio_buffer.clear' });
    expect(h.plays[0]?.stopped).toBe(true);
    expect(h.types().at(-1)).toBe('output_audio_buffer.cleared');
  });

  it('truncates an item only within the audio it has, as the API does', async () => {
    const h = harness('websocket');
    h.send({ type: 'response.create' });
    await expect.poll(() => h.types().includes('response.done')).toBe(true);
    const itemId = (h.events.find((e) => e.type === 'response.output_item.added')?.item as { id: string }).id;
    h.send({ type: 'conversation.item.truncate', item_id: itemId, content_index: 0, audio_end_ms: 999999 });
    expect(h.events.at(-1)).toMatchObject({ type: 'error', error: { param: 'audio_end_ms' } });
    h.send({ type: 'conversation.item.truncate', item_id: itemId, content_index: 0, audio_end_ms: 300 });
    expect(h.events.at(-1)).toMatchObject({ type: 'conversation.item.truncated', item_id: itemId, audio_end_ms: 300 });
  });

  it('rejects output_audio_buffer.clear over WebSocket and an idle timeout on semantic VAD', () => {
    const h = harness('websocket');
    h.send({ type: 'output_audio_buffer.clear' });
    h.send({ type: 'session.update', session: { type: 'realtime', audio: { input: { turn_detection: { type: 'semantic_vad', idle_timeout_ms: 6000 } } } } });
    expect(h.events.filter((e) => e.type === 'error')).toHaveLength(2);
  });
});
