import type { MediaDeviceInfoLike, MicrophoneMediaDevices } from '../../src/advanced.ts';

/**
 * A `navigator.mediaDevices` for stories: no real microphone is touched, and it behaves like a
 * browser about permission (until allowed, one input with no id and no name; `getUserMedia`
 * grants, or rejects with `NotAllowedError` when `permission` is `denied`).
 */
export interface StoryMediaDevices extends MicrophoneMediaDevices {
  permission: 'prompt' | 'granted' | 'denied';
  /** Plug a microphone in, or pull one out by id: `devicechange` fires, as in a browser. */
  plug(device: MediaDeviceInfoLike): void;
  unplug(deviceId: string): void;
}

/**
 * An audio input as `enumerateDevices` lists it.
 *
 * @example
 * ```ts
 * createStoryMediaDevices([storyMicrophone('usb', 'USB Headset')]);
 * ```
 */
export function storyMicrophone(deviceId: string, label: string, groupId = `group-${deviceId}`): MediaDeviceInfoLike {
  return { deviceId, label, groupId, kind: 'audioinput' };
}

/**
 * A fake `navigator.mediaDevices` holding these devices.
 *
 * @example
 * ```tsx
 * <MicrophoneSelect mediaDevices={createStoryMediaDevices(devices, { permission: 'prompt' })} />
 * ```
 */
export function createStoryMediaDevices(
  initial: readonly MediaDeviceInfoLike[],
  options: { permission?: StoryMediaDevices['permission'] } = {},
): StoryMediaDevices {
  const events = new EventTarget();
  let devices = [...initial];
  const fake: StoryMediaDevices = {
    permission: options.permission ?? 'granted',
    enumerateDevices: () => {
      if (fake.permission === 'granted') return Promise.resolve(devices.map((device) => ({ ...device })));
      const hidden = devices.some((device) => device.kind === 'audioinput')
        ? [{ deviceId: '', groupId: '', kind: 'audioinput', label: '' }]
        : [];
      return Promise.resolve(hidden);
    },
    getUserMedia: () => {
      if (fake.permission === 'denied') {
        return Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      }
      fake.permission = 'granted';
      return Promise.resolve({ getTracks: () => [{ stop: () => undefined }] });
    },
    addEventListener: (type, listener) => events.addEventListener(type, listener),
    removeEventListener: (type, listener) => events.removeEventListener(type, listener),
    plug(device) {
      devices = [...devices, device];
      events.dispatchEvent(new Event('devicechange'));
    },
    unplug(deviceId) {
      const groupId = devices.find((device) => device.deviceId === deviceId)?.groupId;
      // Chrome's "default" entry goes with the device it stands for.
      devices = devices.filter((device) => device.deviceId !== deviceId && !(device.deviceId === 'default' && device.groupId === groupId));
      events.dispatchEvent(new Event('devicechange'));
    },
  };
  return fake;
}
