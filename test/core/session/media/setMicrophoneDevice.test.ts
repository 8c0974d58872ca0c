import { describe, expect, it, vi } from 'vitest';
import { createRealtimeSession } from '../../../../src/core/session/index.ts';
import type { RealtimeError } from '../../../../src/core/session/index.ts';
import { RealtimeTransportError } from '../../../../src/core/transport/RealtimeTransportError.ts';
import { createMockTransport, type MockTransportOptions } from '../../../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../../../src/testing/createVirtualClock.ts';

function setup(options: MockTransportOptions = {}) {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock, ...options });
  const session = createRealtimeSession({ transport, clock });
  const errors: RealtimeError[] = [];
  session.on('error', (event) => errors.push(event.error));
  return { session, transport, errors };
}

describe('session.setMicrophoneDevice', () => {
  it('asks the transport, then records the device in the state (once connected or not)', async () => {
    const { session, transport, errors } = setup();
    const listener = vi.fn();
    session.subscribe(listener);
    expect(session.getState().microphoneDeviceId).toBeNull();

    const switching = session.setMicrophoneDevice('usb-mic');
    // Not before the transport has switched.
    expect(session.getState().microphoneDeviceId).toBeNull();
    await switching;
    expect(session.getState().microphoneDeviceId).toBe('usb-mic');
    expect(transport.calls).toEqual([{ method: 'setMicrophoneDevice', deviceId: 'usb-mic' }]);
    expect(listener).toHaveBeenCalledTimes(1);

    await session.connect();
    await session.setMicrophoneDevice(null);
    expect(session.getState().microphoneDeviceId).toBeNull();
    expect(transport.calls.at(-1)).toEqual({ method: 'setMicrophoneDevice', deviceId: null });
    expect(transport.connected).toBe(true); // switched without reconnecting
    expect(errors).toEqual([]);
  });

  it("takes an empty id as the default: the transport and the state get null (a choice saved as deviceId ?? '')", async () => {
    const { session, transport } = setup();
    await session.setMicrophoneDevice('usb-mic');
    await session.setMicrophoneDevice('');
    expect(transport.calls.at(-1)).toEqual({ method: 'setMicrophoneDevice', deviceId: null });
    expect(session.getState().microphoneDeviceId).toBeNull();
  });

  it('notifies no subscriber when the device does not change', async () => {
    const { session } = setup();
    await session.setMicrophoneDevice('usb-mic');
    const listener = vi.fn();
    session.subscribe(listener);
    await session.setMicrophoneDevice('usb-mic');
    expect(listener).not.toHaveBeenCalled();
  });

  it("rejects with the transport's error, reports it with its code, and keeps the old device", async () => {
    const denied = new RealtimeTransportError('microphone_denied', 'Permission to use the microphone was denied.');
    const { session, errors } = setup({ microphoneDeviceError: (id) => (id === 'blocked' ? denied : undefined) });
    await session.setMicrophoneDevice('usb-mic');

    await expect(session.setMicrophoneDevice('blocked')).rejects.toBe(denied);
    expect(session.getState().microphoneDeviceId).toBe('usb-mic');
    expect(errors).toEqual([
      { source: 'transport', code: 'microphone_denied', message: 'Permission to use the microphone was denied.', cause: denied },
    ]);
  });

  it('reports an error that is not a transport error as microphone_switch_failed', async () => {
    const failure = new Error('device vanished');
    const { session, errors } = setup({ microphoneDeviceError: () => failure });
    await expect(session.setMicrophoneDevice('usb-mic')).rejects.toBe(failure);
    expect(errors.map((error) => [error.code, error.message])).toEqual([['microphone_switch_failed', 'device vanished']]);
    expect(session.getState().microphoneDeviceId).toBeNull();
  });

  it("rejects as 'unsupported' on a transport that cannot switch", async () => {
    const { session, errors } = setup({ omit: ['setMicrophoneDevice'] });
    const rejection = session.setMicrophoneDevice('usb-mic');
    await expect(rejection).rejects.toBeInstanceOf(RealtimeTransportError);
    await expect(rejection).rejects.toMatchObject({ code: 'unsupported' });
    expect(errors.map((error) => error.code)).toEqual(['unsupported']);
    expect(session.getState().microphoneDeviceId).toBeNull();
  });
});
