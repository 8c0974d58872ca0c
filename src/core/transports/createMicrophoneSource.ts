import { getMicrophoneStream, type MediaDevicesLike } from './getMicrophoneStream.ts';

/** The microphone stream a transport sends, and whether it is muted. */
export interface MicrophoneSource {
  /** The stream in use; null before `acquire()` and after `release()`. */
  readonly stream: MediaStream | null;
  readonly muted: boolean;
  /** The app's stream when it gave one, otherwise a new one from `getUserMedia`. */
  acquire(): Promise<MediaStream>;
  /** Disable (or enable) the stream's audio tracks; remembered across connects. */
  setMuted(muted: boolean): void;
  /** Stop the tracks of a stream this source asked for; a stream the app gave stays its own. */
  release(): void;
}

/**
 * The microphone part both OpenAI transports share: which stream to send, who owns its tracks,
 * and muting.
 *
 * @example
 * ```ts
 * const microphone = createMicrophoneSource({ mediaStream: options.mediaStream });
 * const stream = await microphone.acquire();
 * microphone.setMuted(true);
 * microphone.release();
 * ```
 */
export function createMicrophoneSource(options: {
  mediaStream?: MediaStream;
  mediaDevices?: MediaDevicesLike;
}): MicrophoneSource {
  let stream: MediaStream | null = null;
  let ownStream: MediaStream | null = null;
  let muted = false;
  return {
    get stream() {
      return stream;
    },
    get muted() {
      return muted;
    },
    async acquire() {
      if (options.mediaStream) return (stream = options.mediaStream);
      // Kept before the caller's next abort check, so a cancelled connect still stops these tracks.
      ownStream = await getMicrophoneStream(options.mediaDevices ? { mediaDevices: options.mediaDevices } : {});
      return (stream = ownStream);
    },
    setMuted(value) {
      muted = value;
      for (const track of stream?.getAudioTracks() ?? []) track.enabled = !value;
    },
    release() {
      ownStream?.getTracks().forEach((track) => track.stop());
      ownStream = null;
      stream = null;
    },
  };
}
