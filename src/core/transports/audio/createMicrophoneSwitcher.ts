import { RealtimeTransportError } from '../../transport/RealtimeTransportError.ts';
import type { MicrophoneLease, MicrophoneSource } from './createMicrophoneSource.ts';

/**
 * The microphone of one connection, as the switcher sees it. The connection's teardown releases
 * whatever `lease` holds at that moment and sets `ended`, so a lease swapped in here is never
 * left open.
 */
export interface MicrophoneSlot {
  /** The lease whose stream the connection sends now. */
  lease: MicrophoneLease;
  /** True once the connection is gone (closed, dropped, or its connect failed). */
  ended: boolean;
  /**
   * Send `stream` instead of the current one, in place (no reconnect, no renegotiation).
   * Throwing (or rejecting) leaves the current stream in use. Without it, the switch replaces
   * the track of `sender`.
   */
  use?(stream: MediaStream): Promise<void> | void;
  /** WebRTC: the audio sender (null when the connection was opened without a microphone track). */
  sender?: RTCRtpSender | null;
}

/**
 * A transport's `setMicrophoneDevice`, shared by both OpenAI transports.
 *
 * - Without a connection (`current()` is null), the choice is remembered for the next connect
 *   and the promise resolves at once; the device is opened by that connect.
 * - While connected, the new stream is opened first: when the browser refuses, the promise
 *   rejects with `microphone_denied` or `microphone_unavailable` and nothing changes. Then the
 *   connection switches to it (`slot.use`), the old lease is released (a stream the transport
 *   opened is stopped; the app's own stream is left running, enabled) and the choice is
 *   remembered. The mute state carries over: new leases start muted when the transport is.
 * - Calls run one after another in the order they were made, and each settles with its own
 *   outcome, so the last call decides the microphone (a failed last call keeps the previous
 *   one's). Nothing is skipped, so every promise tells the truth about its own device.
 * - When the connection ends while the new stream is being opened or swapped in, the stream is
 *   stopped and the choice remembered for the next connect (the promise resolves); when a new
 *   connection has started meanwhile, the switch is made on that one.
 *
 * @example
 * ```ts
 * const setMicrophoneDevice = createMicrophoneSwitcher(microphone, () => link?.microphone ?? null);
 * await setMicrophoneDevice('usb-headset-id');
 * ```
 */
export function createMicrophoneSwitcher(
  microphone: MicrophoneSource,
  current: () => MicrophoneSlot | null,
): (deviceId: string | null) => Promise<void> {
  let queue: Promise<unknown> = Promise.resolve();

  const switchNow = async (deviceId: string | null): Promise<void> => {
    for (;;) {
      const slot = current();
      if (!slot || slot.ended) {
        microphone.setDevice(deviceId);
        return;
      }
      const next = await microphone.open(deviceId);
      if (slot.ended || current() !== slot) {
        // The connection went away (or was replaced) while the browser opened the stream.
        next.release();
        continue;
      }
      try {
        await (slot.use ? slot.use(next.stream) : replaceSenderTrack(slot.sender ?? null, next.stream));
      } catch (cause) {
        next.release();
        // The connection ended while the track was being swapped (a closed peer connection
        // refuses replaceTrack): not a failed switch, the same as a close during the prompt.
        if (slot.ended) continue;
        throw cause instanceof RealtimeTransportError
          ? cause
          : new RealtimeTransportError('microphone_unavailable', `Could not switch the microphone: ${describe(cause)}`, {
              cause,
            });
      }
      if (slot.ended) {
        // Closed while switching: the teardown released the old lease; this one is ours to stop.
        // Then as above: remembered for the next connect, or made on a connection begun meanwhile.
        next.release();
        continue;
      }
      const previous = slot.lease;
      slot.lease = next;
      previous.release();
      microphone.setDevice(deviceId);
      return;
    }
  };

  return (deviceId) => {
    const run = queue.then(() => switchNow(deviceId));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function replaceSenderTrack(sender: RTCRtpSender | null, stream: MediaStream): Promise<void> {
  const track = stream.getAudioTracks()[0];
  if (!sender || !track) {
    throw new RealtimeTransportError(
      'microphone_unavailable',
      sender ? 'The new microphone stream has no audio track.' : 'This connection was opened without a microphone track.',
    );
  }
  // Same transceiver, same SDP: the server hears the new microphone without a renegotiation.
  await sender.replaceTrack(track);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
