import { RealtimeTransportError } from '../../transport/RealtimeTransportError.ts';

/** The part of `navigator.mediaDevices` the transports use; injectable for tests. */
export interface MediaDevicesLike {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
}

/**
 * The microphone constraints the transports ask for. Echo cancellation matters most: without it
 * the assistant hears itself and interrupts itself.
 *
 * @example
 * ```ts
 * const stream = await navigator.mediaDevices.getUserMedia({ audio: { ...DEFAULT_MICROPHONE_CONSTRAINTS, deviceId } });
 * createOpenAIWebRTCTransport({ getClientSecret, mediaStream: stream });
 * ```
 */
export const DEFAULT_MICROPHONE_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

/**
 * Ask for the microphone and translate the browser's DOMException names into
 * {@link RealtimeTransportError} codes a UI can act on (`microphone_denied` for a refusal,
 * `microphone_unavailable` for no device or a device in use).
 *
 * @example
 * ```ts
 * const stream = await getMicrophoneStream();
 * ```
 */
export async function getMicrophoneStream(
  options: { constraints?: MediaTrackConstraints | boolean; mediaDevices?: MediaDevicesLike } = {},
): Promise<MediaStream> {
  const mediaDevices =
    options.mediaDevices ?? (typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined);
  if (!mediaDevices?.getUserMedia) {
    throw new RealtimeTransportError(
      'unsupported',
      'No microphone API here: navigator.mediaDevices.getUserMedia needs a browser and a secure context (https or localhost).',
    );
  }
  try {
    return await mediaDevices.getUserMedia({ audio: options.constraints ?? DEFAULT_MICROPHONE_CONSTRAINTS });
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
      throw new RealtimeTransportError(
        'microphone_denied',
        'Microphone access was denied. Allow the microphone for this site and try again.',
        { cause: error },
      );
    }
    throw new RealtimeTransportError(
      'microphone_unavailable',
      `No usable microphone: ${microphoneFailureReason(error)}`,
      { cause: error },
    );
  }
}

/**
 * The browser's reason, never empty: Chrome rejects `deviceId: { exact }` of a microphone that
 * is gone with an OverconstrainedError whose message is '' (it names only the constraint).
 */
function microphoneFailureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message) return error.message;
  if (error.name === 'OverconstrainedError') {
    const constraint = (error as { constraint?: string }).constraint || 'a constraint';
    return `the chosen microphone is not available (OverconstrainedError on ${constraint})`;
  }
  return error.name;
}
