import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealtimeConfigError } from '../../src/core/protocol/errors.ts';
import { ClientSecretError, createClientSecret } from '../../src/server/index.ts';
import { createRealtimeEmulator, type RealtimeEmulator } from '../../src/emulator/index.ts';
import { fakeFetch } from '../core/transports/fakes.ts';

const session = {
  type: 'realtime' as const,
  model: 'gpt-realtime',
  audio: { input: { turn_detection: { type: 'server_vad' as const, idle_timeout_ms: 8000 } } },
};

describe('createClientSecret', () => {
  it('posts expires_after and the validated session with the standard key', async () => {
    const http = fakeFetch(() => new Response(JSON.stringify({ value: 'ek_abc', expires_at: 123, session: {} })));
    const secret = await createClientSecret({ apiKey: 'sk-test', session, expiresAfterSeconds: 120, fetch: http.fetch });
    expect(secret.value).toBe('ek_abc');
    const [call] = http.calls;
    expect(call?.url).toBe('https://api.openai.com/v1/realtime/client_secrets');
    expect(call?.init.headers).toMatchObject({ Authorization: 'Bearer sk-test', 'Content-Type': 'application/json' });
    const body = JSON.parse(String(call?.init.body)) as Record<string, unknown>;
    expect(body.expires_after).toEqual({ anchor: 'created_at', seconds: 120 });
    expect(body.session).toMatchObject({ type: 'realtime', audio: { input: { turn_detection: { idle_timeout_ms: 8000 } } } });
  });

  it('throws RealtimeConfigError for an invalid idle timeout without calling the API', async () => {
    const http = fakeFetch(() => new Response('{}'));
    const bad = { ...session, audio: { input: { turn_detection: { type: 'server_vad' as const, idle_timeout_ms: 2000 } } } };
    await expect(createClientSecret({ apiKey: 'sk-test', session: bad, fetch: http.fetch })).rejects.toBeInstanceOf(RealtimeConfigError);
    expect(http.calls).toHaveLength(0);
  });

  it('rejects lifetimes outside 10..7200 seconds', async () => {
    const http = fakeFetch(() => new Response('{}'));
    await expect(createClientSecret({ apiKey: 'sk', session, expiresAfterSeconds: 5, fetch: http.fetch })).rejects.toBeInstanceOf(RangeError);
  });

  it('surfaces API errors with status and message', async () => {
    const http = fakeFetch(
      () => new Response(JSON.stringify({ error: { message: 'Incorrect API key provided' } }), { status: 401 }),
    );
    const error = (await createClientSecret({ apiKey: 'sk-bad', session, fetch: http.fetch }).catch((e: unknown) => e)) as ClientSecretError;
    expect(error).toBeInstanceOf(ClientSecretError);
    expect(error.status).toBe(401);
    expect(error.message).toContain('Incorrect API key provided');
  });

  it('accepts the beta response shape (client_secret.value)', async () => {
    const http = fakeFetch(() => new Response(JSON.stringify({ client_secret: { value: 'ek_beta', expires_at: 9 } })));
    const secret = await createClientSecret({ apiKey: 'sk', session, fetch: http.fetch });
    expect(secret).toMatchObject({ value: 'ek_beta', expires_at: 9 });
  });

  describe('against the emulator', () => {
    let emulator: RealtimeEmulator;
    beforeAll(async () => {
      emulator = await createRealtimeEmulator({ apiKey: 'sk-local' });
    });
    afterAll(() => emulator.close());

    it('mints a working key, and the emulator refuses the wrong standard key', async () => {
      const secret = await createClientSecret({ apiKey: 'sk-local', session, baseUrl: emulator.url });
      expect(secret.value).toMatch(/^ek_/);
      expect(secret.session).toMatchObject({ audio: { input: { turn_detection: { idle_timeout_ms: 8000 } } } });
      await expect(createClientSecret({ apiKey: 'sk-other', session, baseUrl: emulator.url })).rejects.toMatchObject({ status: 401 });
    });
  });
});
