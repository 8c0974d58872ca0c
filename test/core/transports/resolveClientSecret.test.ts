import { describe, expect, it } from 'vitest';
import { getMicrophoneStream } from '../../../src/core/transports/audio/getMicrophoneStream.ts';
import { isRealtimeTransportError, RealtimeTransportError } from '../../../src/core/transport/RealtimeTransportError.ts';
import { resolveClientSecret } from '../../../src/core/transports/resolveClientSecret.ts';
import { domError, fakeMediaDevices, FakeStream } from './fakes.ts';

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  return isRealtimeTransportError(error) ? error.code : `not a transport error: ${String(error)}`;
};

describe('resolveClientSecret', () => {
  it('accepts a string, a promise, or the client_secrets object', async () => {
    expect(await resolveClientSecret(() => 'ek_1')).toBe('ek_1');
    expect(await resolveClientSecret(async () => ' ek_2\n')).toBe('ek_2');
    expect(await resolveClientSecret(async () => ({ value: 'ek_3' }))).toBe('ek_3');
  });

  it('refuses sk- keys in a browser, with a message naming the way out', async () => {
    const error = await resolveClientSecret(() => 'sk-abc', { isBrowser: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RealtimeTransportError);
    expect((error as RealtimeTransportError).code).toBe('api_key_in_browser');
    expect((error as Error).message).toMatch(/createClientSecret/);
    expect(await resolveClientSecret(() => 'sk-abc', { isBrowser: true, dangerouslyAllowApiKeyInBrowser: true })).toBe('sk-abc');
    // A server (Node) may use its own key.
    expect(await resolveClientSecret(() => 'sk-abc', { isBrowser: false })).toBe('sk-abc');
  });

  it('wraps failures and empty results as client_secret_failed', async () => {
    expect(await codeOf(resolveClientSecret(() => Promise.reject(new Error('503'))))).toBe('client_secret_failed');
    expect(await codeOf(resolveClientSecret(() => ''))).toBe('client_secret_failed');
    expect(await codeOf(resolveClientSecret(() => ({}) as { value: string }))).toBe('client_secret_failed');
  });
});

describe('getMicrophoneStream', () => {
  it('asks for audio with echo cancellation on', async () => {
    const devices = fakeMediaDevices(new FakeStream());
    await getMicrophoneStream({ mediaDevices: devices });
    expect(devices.calls[0]?.audio).toMatchObject({ echoCancellation: true });
  });

  it('maps a refusal to microphone_denied and other failures to microphone_unavailable', async () => {
    expect(await codeOf(getMicrophoneStream({ mediaDevices: fakeMediaDevices(domError('NotAllowedError')) }))).toBe(
      'microphone_denied',
    );
    expect(await codeOf(getMicrophoneStream({ mediaDevices: fakeMediaDevices(domError('NotFoundError')) }))).toBe(
      'microphone_unavailable',
    );
  });

  it("says why when the browser's error has no message (Chrome's OverconstrainedError for a device that is gone)", async () => {
    // Chrome rejects deviceId: { exact } of an unplugged microphone with an empty message.
    const gone = Object.assign(domError('OverconstrainedError', ''), { constraint: 'deviceId' });
    const messageOf = (failure: Error) => getMicrophoneStream({ mediaDevices: fakeMediaDevices(failure) }).then(() => 'opened', (cause: Error) => cause.message);
    expect(await messageOf(gone)).toBe('No usable microphone: the chosen microphone is not available (OverconstrainedError on deviceId)');
    expect(await messageOf(domError('AbortError', ''))).toBe('No usable microphone: AbortError');
  });

  it('says unsupported where there is no getUserMedia (Node, insecure origins)', async () => {
    expect(await codeOf(getMicrophoneStream())).toBe('unsupported');
  });
});
