import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRealtimeEmulator, type RealtimeEmulator } from '../../src/emulator/index.ts';

// The emulator answers a wrong key like the API does ("Incorrect API key provided: ..."), but
// shows no more than a short prefix of it, and nothing at all of a short key.

describe('emulator: a refused key is masked', () => {
  let emulator: RealtimeEmulator;
  beforeAll(async () => {
    emulator = await createRealtimeEmulator({ apiKey: 'sk-emulator-accepted-key-000000' });
  });
  afterAll(() => emulator.close());

  async function refusalMessage(path: string, key: string): Promise<string> {
    const response = await fetch(new URL(path, emulator.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': path.endsWith('calls') ? 'application/sdp' : 'application/json' },
      body: path.endsWith('calls') ? 'v=0' : '{}',
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { message: string } };
    return body.error.message;
  }

  it.each(['sk-9876543', 'ek_1234567', '24680135', 'sk-1234567890123456789'])('masks the short key %s fully', async (key) => {
    for (const path of ['/v1/realtime/client_secrets', '/v1/realtime/calls']) {
      const message = await refusalMessage(path, key);
      expect(message).toMatch(/Incorrect API key provided: \*\*\*\./);
      expect(message).not.toContain(key.slice(-3));
      expect(message).not.toContain(key.slice(0, 4));
    }
  });

  it('shows at most the first six characters of a long key, never its end', async () => {
    const key = 'sk-proj-Abcdefghijklmnopqrstuvwxyz0123456789';
    const message = await refusalMessage('/v1/realtime/client_secrets', key);
    expect(message).toContain('Incorrect API key provided: sk-pro***.');
    expect(message).not.toContain('6789');
  });
});
