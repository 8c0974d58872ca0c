import type { MediaDeviceInfoLike, MicrophoneMediaDevices } from '../../../src/components/MicrophoneSelect/index.ts';

/**
 * A `navigator.mediaDevices` stand-in that behaves like a browser about permission: until the
 * microphone is allowed, `enumerateDevices` hides ids and names (one input with empty id and
 * label, as Chrome and Safari do); `getUserMedia` asks, and a refusal rejects with the
 * browser's `NotAllowedError`.
 */
export interface FakeMediaDevices extends MicrophoneMediaDevices {
  permission: 'prompt' | 'granted' | 'denied';
  /** Every device, as the browser would list it once allowed (inputs and others). */
  devices: MediaDeviceInfoLike[];
  /** Make the next `getUserMedia` reject with this (instead of the permission's answer). */
  getUserMediaError: Error | null;
  enumerateCalls: number;
  getUserMediaCalls: MediaStreamConstraints[];
  stoppedTracks: number;
  /** Plug a microphone in (or out) and fire `devicechange`, as the browser does. */
  plug(device: MediaDeviceInfoLike): void;
  unplug(deviceId: string): void;
  listenerCount(): number;
}

export function microphone(deviceId: string, label: string, groupId = `group-${deviceId}`): MediaDeviceInfoLike {
  return { deviceId, label, groupId, kind: 'audioinput' };
}

export function createFakeMediaDevices(
  devices: MediaDeviceInfoLike[],
  options: { permission?: FakeMediaDevices['permission'] } = {},
): FakeMediaDevices {
  const listeners = new Set<() => void>();
  const fire = () => {
    for (const listener of [...listeners]) listener();
  };
  const fake: FakeMediaDevices = {
    permission: options.permission ?? 'granted',
    devices,
    getUserMediaError: null,
    enumerateCalls: 0,
    getUserMediaCalls: [],
    stoppedTracks: 0,
    enumerateDevices() {
      fake.enumerateCalls++;
      if (fake.permission === 'granted') return Promise.resolve(fake.devices.map((device) => ({ ...device })));
      const hidden = ['audioinput', 'audiooutput', 'videoinput']
        .filter((kind) => fake.devices.some((device) => device.kind === kind))
        .map((kind) => ({ deviceId: '', groupId: '', kind, label: '' }));
      return Promise.resolve(hidden);
    },
    getUserMedia(constraints) {
      fake.getUserMediaCalls.push(constraints);
      const error = fake.getUserMediaError;
      if (error) {
        fake.getUserMediaError = null;
        return Promise.reject(error);
      }
      if (fake.permission === 'denied') return Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      fake.permission = 'granted';
      const track = { stop: () => void fake.stoppedTracks++ };
      return Promise.resolve({ getTracks: () => [track] });
    },
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    plug(device) {
      fake.devices = [...fake.devices, device];
      fire();
    },
    unplug(deviceId) {
      fake.devices = fake.devices.filter((device) => device.deviceId !== deviceId && device.groupId !== `group-${deviceId}`);
      fire();
    },
    listenerCount: () => listeners.size,
  };
  return fake;
}
