import { RealtimeTransportError } from '../../core/transport/RealtimeTransportError.ts';
import { readMicrophones, type MediaDeviceInfoLike, type MicrophoneReading } from './readMicrophones.ts';

/**
 * The part of `navigator.mediaDevices` the microphone list uses; pass a fake one in tests and
 * stories. Only `enumerateDevices` is required: without `getUserMedia` the list cannot ask for
 * access, without the event methods it does not follow devices plugged in or out.
 */
export interface MicrophoneMediaDevices {
  enumerateDevices(): Promise<readonly MediaDeviceInfoLike[]>;
  getUserMedia?(constraints: MediaStreamConstraints): Promise<{ getTracks(): readonly { stop(): void }[] }>;
  addEventListener?(type: 'devicechange', listener: () => void): void;
  removeEventListener?(type: 'devicechange', listener: () => void): void;
}

/**
 * `idle` until the first enumeration answered (and always on the server), `ready` after,
 * `unsupported` where there is no `navigator.mediaDevices` (no browser, or not a secure page).
 */
export type MicrophoneListStatus = 'idle' | 'ready' | 'unsupported';

/** What a {@link MicrophoneList} knows; a new object only when something in it changed. */
export interface MicrophoneListSnapshot extends MicrophoneReading {
  status: MicrophoneListStatus;
  /** `getUserMedia` exists, so {@link MicrophoneList.requestPermission} can ask for access. */
  canRequestPermission: boolean;
  /** The last enumeration failed with this (the previous devices are kept); null otherwise. */
  error: unknown;
}

/** A framework-free, subscribable list of microphones: see {@link createMicrophoneList}. */
export interface MicrophoneList {
  getSnapshot(): MicrophoneListSnapshot;
  /** Listen for changes; the first listener starts following `devicechange`, the last one stops. */
  subscribe(listener: () => void): () => void;
  /** Enumerate again (after access was granted, or a connect opened the microphone). */
  refresh(): Promise<void>;
  /**
   * Ask for the microphone (`getUserMedia`), stop the tracks at once, and enumerate again, so
   * the names show. Rejects with what the browser threw (see `describeMicrophoneError`).
   */
  requestPermission(): Promise<void>;
}

const INITIAL: MicrophoneListSnapshot = {
  status: 'idle',
  canRequestPermission: false,
  devices: [],
  defaultName: null,
  namesVisible: false,
  inputCount: 0,
  error: null,
};

function sameSnapshot(a: MicrophoneListSnapshot, b: MicrophoneListSnapshot): boolean {
  return (
    a.status === b.status &&
    a.canRequestPermission === b.canRequestPermission &&
    a.error === b.error &&
    a.defaultName === b.defaultName &&
    a.namesVisible === b.namesVisible &&
    a.inputCount === b.inputCount &&
    a.devices.length === b.devices.length &&
    a.devices.every((device, i) => {
      const other = b.devices[i]!;
      return device.deviceId === other.deviceId && device.label === other.label && device.groupId === other.groupId;
    })
  );
}

/**
 * The microphones of this browser as a small external store (`getSnapshot`/`subscribe`, like the
 * session's): enumerated when the first listener subscribes, again on every `devicechange`
 * (a microphone plugged in or out) and on `refresh()`; only the latest enumeration's answer
 * counts. Nothing touches `navigator` until then, so creating one is safe during a server
 * render. `useMicrophoneSelect` is its React adapter.
 *
 * @example
 * ```ts
 * const microphones = createMicrophoneList();
 * const stop = microphones.subscribe(() => render(microphones.getSnapshot().devices));
 * ```
 */
export function createMicrophoneList(options: { mediaDevices?: MicrophoneMediaDevices } = {}): MicrophoneList {
  let snapshot = INITIAL;
  const listeners = new Set<() => void>();
  let latestRequest = 0;

  const mediaDevices = (): MicrophoneMediaDevices | undefined =>
    options.mediaDevices ??
    (typeof navigator === 'undefined' ? undefined : (navigator.mediaDevices as MicrophoneMediaDevices | undefined));

  const publish = (next: MicrophoneListSnapshot) => {
    if (sameSnapshot(snapshot, next)) return;
    snapshot = next;
    for (const listener of [...listeners]) listener();
  };

  const refresh = async (): Promise<void> => {
    const devices = mediaDevices();
    if (typeof devices?.enumerateDevices !== 'function') {
      publish({ ...INITIAL, status: 'unsupported' });
      return;
    }
    const request = ++latestRequest;
    const canRequestPermission = typeof devices.getUserMedia === 'function';
    try {
      const entries = await devices.enumerateDevices();
      if (request !== latestRequest) return;
      publish({ status: 'ready', canRequestPermission, error: null, ...readMicrophones(entries) });
    } catch (error) {
      if (request === latestRequest) publish({ ...snapshot, status: 'ready', canRequestPermission, error });
    }
  };

  const onDeviceChange = () => void refresh();

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        mediaDevices()?.addEventListener?.('devicechange', onDeviceChange);
        void refresh();
      }
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        mediaDevices()?.removeEventListener?.('devicechange', onDeviceChange);
      };
    },
    refresh,
    async requestPermission() {
      const devices = mediaDevices();
      if (typeof devices?.getUserMedia !== 'function') {
        throw new RealtimeTransportError('unsupported', 'No microphone API here (getUserMedia needs a secure page).');
      }
      const stream = await devices.getUserMedia({ audio: true });
      // Only the permission was wanted: release the microphone at once (the browser's dot goes off).
      for (const track of stream.getTracks()) track.stop();
      await refresh();
    },
  };
}
