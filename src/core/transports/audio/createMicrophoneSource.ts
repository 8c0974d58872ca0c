import { DEFAULT_MICROPHONE_CONSTRAINTS, getMicrophoneStream, type MediaDevicesLike } from './getMicrophoneStream.ts';

/** One connect attempt's hold on a microphone stream. */
export interface MicrophoneLease {
  readonly stream: MediaStream;
  /**
   * Let go: the tracks of a stream this source asked for are stopped; a stream the app gave
   * stays running and is left enabled (a mute does not outlive the connection). Idempotent.
   */
  release(): void;
}

/** The microphone streams a transport sends, and whether they are muted. */
export interface MicrophoneSource {
  readonly muted: boolean;
  /**
   * A lease on the microphone chosen with {@link MicrophoneSource.setDevice}; tracks start muted or
   * not. When the choice changes while the browser is still opening the stream, the stream is
   * stopped and the new choice opened instead, so a connect never starts on a stale device.
   */
  acquire(): Promise<MicrophoneLease>;
  /**
   * A lease on `deviceId` without choosing it: null means the app's stream when it gave one,
   * otherwise the default microphone; an id opens that device (`deviceId: { exact }`). Rejects
   * with the `RealtimeTransportError` of {@link getMicrophoneStream}.
   */
  open(deviceId: string | null): Promise<MicrophoneLease>;
  /** Choose the microphone the next `acquire` opens: a device id, or null for the app's stream or the default microphone. */
  setDevice(deviceId: string | null): void;
  /** Disable (or enable) the audio tracks of every live lease; remembered across connects. */
  setMuted(muted: boolean): void;
}

/**
 * The microphone part both OpenAI transports share: which stream to send, who owns its tracks,
 * and muting. Each connect attempt gets its own lease, so a stale attempt releases only the
 * stream it acquired.
 *
 * @example
 * ```ts
 * const microphone = createMicrophoneSource({ mediaStream: options.mediaStream });
 * const lease = await microphone.acquire();
 * microphone.setMuted(true);
 * lease.release();
 * ```
 */
export function createMicrophoneSource(options: {
  mediaStream?: MediaStream;
  mediaDevices?: MediaDevicesLike;
}): MicrophoneSource {
  const leases = new Set<MicrophoneLease>();
  let muted = false;
  let deviceId: string | null = null;
  const enable = (stream: MediaStream, enabled: boolean) => {
    for (const track of stream.getAudioTracks()) track.enabled = enabled;
  };
  const open = async (device: string | null): Promise<MicrophoneLease> => {
    // A chosen device wins over the app's stream; choosing null goes back to it.
    const given = device === null ? options.mediaStream : undefined;
    const stream =
      given ??
      (await getMicrophoneStream({
        mediaDevices: options.mediaDevices,
        constraints: device === null ? undefined : { ...DEFAULT_MICROPHONE_CONSTRAINTS, deviceId: { exact: device } },
      }));
    enable(stream, !muted);
    let released = false;
    const lease: MicrophoneLease = {
      stream,
      release() {
        if (released) return;
        released = true;
        leases.delete(lease);
        if (!given) {
          stream.getTracks().forEach((track) => track.stop());
        } else if (![...leases].some((other) => other.stream === stream)) {
          enable(stream, true);
        }
      },
    };
    leases.add(lease);
    return lease;
  };
  return {
    get muted() {
      return muted;
    },
    async acquire() {
      for (;;) {
        const wanted = deviceId;
        const lease = await open(wanted);
        if (deviceId === wanted) return lease;
        lease.release();
      }
    },
    open,
    setDevice(device) {
      deviceId = device;
    },
    setMuted(value) {
      muted = value;
      for (const lease of leases) enable(lease.stream, !value);
    },
  };
}
