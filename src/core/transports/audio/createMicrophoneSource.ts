import { getMicrophoneStream, type MediaDevicesLike } from './getMicrophoneStream.ts';

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
  /** The app's stream when it gave one, otherwise a new one from `getUserMedia`; tracks start muted or not. */
  acquire(): Promise<MicrophoneLease>;
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
  const enable = (stream: MediaStream, enabled: boolean) => {
    for (const track of stream.getAudioTracks()) track.enabled = enabled;
  };
  return {
    get muted() {
      return muted;
    },
    async acquire() {
      const given = options.mediaStream;
      const stream =
        given ?? (await getMicrophoneStream(options.mediaDevices ? { mediaDevices: options.mediaDevices } : {}));
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
    },
    setMuted(value) {
      muted = value;
      for (const lease of leases) enable(lease.stream, !value);
    },
  };
}
