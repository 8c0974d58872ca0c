import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRealtimeEmulator, type RealtimeEmulator } from '../../src/emulator/index.ts';
import { createOpenAIWebSocketTransport } from '../../src/core/transports/createOpenAIWebSocketTransport.ts';
import { RealtimeTransportError } from '../../src/core/transport/RealtimeTransportError.ts';
import { openEmulatorSocket } from './emulatorClient.ts';

let emulator: RealtimeEmulator;

beforeEach(async () => {
  // Idle timeouts run 20x faster so the suite does not wait 5 s per timeout.
  emulator = await createRealtimeEmulator({ idleTimeScale: 0.05, streamIntervalMs: 5 });
});
afterEach(async () => {
  await emulator.close();
});

async function mintKey(session: Record<string, unknown> = { type: 'realtime' }) {
  const response = await fetch(`${emulator.url}/v1/realtime/client_secrets`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk-backend', 'Content-Type': 'application/json' },
    body: JSON.stringify({ expires_after: { anchor: 'created_at', seconds: 60 }, session }),
  });
  return { status: response.status, body: (await response.json()) as { value: string; expires_at: number; session: Record<string, unknown>; error?: { code: string; param: string } } };
}

describe('realtime emulator over loopback', () => {
  it('issues ek_ keys with the session they are bound to', async () => {
    const { status, body } = await mintKey({
      type: 'realtime',
      audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 6000 } } },
    });
    expect(status).toBe(200);
    expect(body.value).toMatch(/^ek_/);
    expect(body.expires_at).toBeGreaterThan(Date.now() / 1000);
    expect(body.session).toMatchObject({ audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 6000 } } } });
  });

  it('refuses to mint a key for an invalid idle timeout, naming the field', async () => {
    const { status, body } = await mintKey({
      type: 'realtime',
      audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 1000 } } },
    });
    expect(status).toBe(400);
    expect(body.error?.param).toContain('idle_timeout_ms');
  });

  it('runs sequence A for a spoken turn, then the idle timeout sequence B after playback and silence', async () => {
    const { body } = await mintKey({ type: 'realtime', audio: { input: { transcription: { model: 'gpt-4o-mini-transcribe' } } } });
    const client = await openEmulatorSocket(emulator.wsUrl, body.value);
    await client.next('session.created');
    client.send({ type: 'session.update', session: { type: 'realtime', audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 5000 } } } } });
    const updated = await client.next('session.updated');
    expect(updated.session).toMatchObject({ audio: { input: { turn_detection: { idle_timeout_ms: 5000, silence_duration_ms: 500 } } } });

    client.append(600, true);
    client.append(700, false);
    const stopped = await client.next('input_audio_buffer.speech_stopped');
    const done = await client.next('response.done');
    const typesA = client.events.map((e) => e.type);
    const from = typesA.indexOf('input_audio_buffer.speech_started');
    expect(typesA.slice(from, typesA.indexOf('response.created') + 1)).toEqual([
      'input_audio_buffer.speech_started',
      'input_audio_buffer.speech_stopped',
      'input_audio_buffer.committed',
      'conversation.item.added',
      'conversation.item.done',
      'response.created',
    ]);
    expect(typesA).toContain('response.output_audio.delta');
    expect(typesA).toContain('response.output_audio_transcript.delta');
    expect(typesA).toContain('conversation.item.input_audio_transcription.completed');
    expect((done.response as { status: string }).status).toBe('completed');
    expect(stopped.audio_end_ms).toBeGreaterThan(600);

    // Silence: the timeout comes only after the reply's audio has played (~2.3 s) plus 5000 ms scaled.
    const doneAt = Date.now();
    const mark = client.events.length;
    const keepSilent = setInterval(() => client.append(100, false), 100);
    try {
      const timeout = await client.next('input_audio_buffer.timeout_triggered', 8000, mark);
      expect(Date.now() - doneAt).toBeGreaterThan(2000);
      expect(timeout.audio_end_ms as number).toBeGreaterThan(timeout.audio_start_ms as number);
      await client.next('response.done', 5000, client.events.indexOf(timeout));
      const typesB = client.events.slice(client.events.indexOf(timeout)).map((e) => e.type);
      expect(typesB.slice(0, 5)).toEqual([
        'input_audio_buffer.timeout_triggered',
        'input_audio_buffer.committed',
        'conversation.item.added',
        'conversation.item.done',
        'response.created',
      ]);
      expect(typesB).not.toContain('input_audio_buffer.speech_started');
      const committed = client.events.find((e) => e.type === 'input_audio_buffer.committed' && e.item_id === timeout.item_id);
      expect(committed).toBeDefined();
      const transcript = client.events
        .slice(client.events.indexOf(timeout))
        .find((e) => e.type === 'response.output_audio_transcript.done');
      expect(transcript?.transcript).toBe('Are you still there?');
    } finally {
      clearInterval(keepSilent);
    }
    expect(client.invalid).toEqual([]);
    client.socket.close();
  }, 20000);

  it('sends no idle timeout when idle_timeout_ms is not set', async () => {
    const { body } = await mintKey();
    const client = await openEmulatorSocket(emulator.wsUrl, body.value);
    await client.next('session.created');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(client.events.map((e) => e.type)).not.toContain('input_audio_buffer.timeout_triggered');
    client.socket.close();
  });

  it('answers an invalid client event with an error event, as the real API does', async () => {
    const { body } = await mintKey();
    const client = await openEmulatorSocket(emulator.wsUrl, body.value);
    await client.next('session.created');
    client.send({ type: 'conversation.item.truncate', event_id: 'client_1', item_id: 'x', content_index: 0, audio_end_ms: -5 });
    const error = await client.next('error');
    expect(error.error).toMatchObject({ type: 'invalid_request_error', event_id: 'client_1' });
    client.send('not json');
    client.send({ type: 'no.such.event' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.events.filter((e) => e.type === 'error')).toHaveLength(3);
    expect(client.isClosed).toBe(false);
    client.socket.close();
  });

  it('rejects a wrong key: an invalid_api_key error event, then a close', async () => {
    const client = await openEmulatorSocket(emulator.wsUrl, 'ek_not_issued');
    const error = await client.next('error');
    expect(error.error).toMatchObject({ code: 'invalid_api_key' });
    expect((await client.closed).code).toBe(3000);
  });

  it('refuses a WebRTC offer with a wrong key with HTTP 401', async () => {
    const response = await fetch(`${emulator.url}/v1/realtime/calls`, {
      method: 'POST',
      headers: { Authorization: 'Bearer ek_wrong', 'Content-Type': 'application/sdp' },
      body: 'v=0\r\n',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_api_key');
  });

  it('answers CORS preflights so a page on another port can call it', async () => {
    const response = await fetch(`${emulator.url}/v1/realtime/calls`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:6006', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/Location/);
  });

  it("allows the headers the Agents SDK's WebRTC transport sends (X-OpenAI-Agents-SDK), so the SDK can connect from a page", async () => {
    const response = await fetch(`${emulator.url}/v1/realtime/calls`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-openai-agents-sdk',
      },
    });
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-openai-agents-sdk']));
  });

  it('serves the kit WebSocket transport (ws in Node), and its bad-key path rejects with unauthorized', async () => {
    const { body } = await mintKey();
    const transport = createOpenAIWebSocketTransport({
      getClientSecret: () => body.value,
      url: emulator.wsUrl,
      microphone: false,
      playback: false,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    const messages: Array<{ type: string }> = [];
    transport.on('message', (message) => messages.push(message as { type: string }));
    await transport.connect({ signal: new AbortController().signal });
    expect(messages[0]?.type).toBe('session.created');
    transport.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] } });
    transport.send({ type: 'response.create' });
    await expect.poll(() => messages.some((m) => m.type === 'response.done'), { timeout: 3000 }).toBe(true);
    const closes: unknown[] = [];
    transport.on('close', (info) => closes.push(info));
    transport.close();
    expect(closes).toEqual([{}]);

    const wrong = createOpenAIWebSocketTransport({
      getClientSecret: () => 'ek_wrong',
      url: emulator.wsUrl,
      microphone: false,
      playback: false,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    const error = (await wrong.connect({ signal: new AbortController().signal }).catch((e: unknown) => e)) as RealtimeTransportError;
    expect(error).toBeInstanceOf(RealtimeTransportError);
    expect(error.code).toBe('unauthorized');
  });
});
