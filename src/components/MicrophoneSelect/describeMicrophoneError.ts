import { RealtimeTransportError } from '../../core/transport/RealtimeTransportError.ts';

/**
 * What went wrong with a microphone, in the terms a user can act on: access was `denied`
 * (allow it in the site settings), the device was `not_found` (plug it in, pick another), it is
 * `in_use` (another app holds it, or it failed to start), the browser or transport cannot do it
 * (`unsupported`), or something else (`unknown`).
 *
 * @example
 * ```tsx
 * const { error } = useMicrophoneSelect();
 * const showSettingsHelp = error?.kind === 'denied';
 * ```
 */
export type MicrophoneErrorKind = 'denied' | 'not_found' | 'in_use' | 'unsupported' | 'unknown';

/** A microphone failure, typed for the UI: see {@link describeMicrophoneError}. */
export interface MicrophoneError {
  kind: MicrophoneErrorKind;
  /** What to tell the user, in their terms (from `messages`). */
  message: string;
  /** The error as thrown (a `RealtimeTransportError`, a `DOMException`...), for logs. */
  cause: unknown;
}

/** The message shown for each {@link MicrophoneErrorKind}. */
export type MicrophoneErrorMessages = Record<MicrophoneErrorKind, string>;

/**
 * The default English messages: what happened and what to do about it.
 *
 * @example
 * ```ts
 * describeMicrophoneError(error, { ...defaultMicrophoneErrorMessages, denied: 'Mikrofon blockiert.' });
 * ```
 */
export const defaultMicrophoneErrorMessages: MicrophoneErrorMessages = {
  denied: "Microphone access is blocked. Allow it in your browser's site settings, then try again.",
  not_found: 'The chosen microphone is not available. Check that it is plugged in, or choose another one.',
  in_use: 'The chosen microphone could not start. It may be in use by another app: close that app, or choose another one.',
  unsupported: 'Choosing a microphone is not supported here.',
  unknown: 'Something went wrong with the microphone. Try again.',
};

// The DOMException names `getUserMedia` rejects with, old Chrome spellings included.
const KIND_BY_DOM_NAME: Readonly<Record<string, MicrophoneErrorKind>> = {
  NotAllowedError: 'denied',
  SecurityError: 'denied',
  PermissionDeniedError: 'denied',
  NotFoundError: 'not_found',
  DevicesNotFoundError: 'not_found',
  OverconstrainedError: 'not_found',
  ConstraintNotSatisfiedError: 'not_found',
  NotReadableError: 'in_use',
  TrackStartError: 'in_use',
  AbortError: 'in_use',
};

/** The browser's own reason is the most precise: look for it on the error and down its causes. */
function kindFromDomName(error: unknown): MicrophoneErrorKind | undefined {
  let current = error;
  // A few levels at most: a cause chain is short, and a cyclic one must not hang the UI.
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const name = (current as { name?: unknown }).name;
    if (typeof name === 'string' && Object.hasOwn(KIND_BY_DOM_NAME, name)) return KIND_BY_DOM_NAME[name];
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function kindFromTransportCode(error: unknown): MicrophoneErrorKind {
  if (!(error instanceof RealtimeTransportError)) return 'unknown';
  switch (error.code) {
    case 'microphone_denied':
      return 'denied';
    // "No usable microphone" without the browser's reason: most often it is gone.
    case 'microphone_unavailable':
      return 'not_found';
    case 'unsupported':
      return 'unsupported';
    default:
      return 'unknown';
  }
}

/**
 * Turn whatever a microphone operation threw (`session.setMicrophoneDevice`, `getUserMedia`)
 * into a {@link MicrophoneError}. The browser's `DOMException` name, on the error or in its
 * `cause`, decides first (NotAllowedError and SecurityError: denied; NotFoundError and
 * OverconstrainedError: not found; NotReadableError, AbortError and TrackStartError: in use),
 * then the `RealtimeTransportError` code (`microphone_denied`, `microphone_unavailable`,
 * `unsupported`). The message never repeats the error's own text, which may be technical.
 *
 * @example
 * ```ts
 * try {
 *   await session.setMicrophoneDevice(deviceId);
 * } catch (error) {
 *   const { kind, message } = describeMicrophoneError(error);
 *   toast(message, { tone: kind === 'denied' ? 'warning' : 'error' });
 * }
 * ```
 */
export function describeMicrophoneError(
  error: unknown,
  messages: MicrophoneErrorMessages = defaultMicrophoneErrorMessages,
): MicrophoneError {
  const kind = kindFromDomName(error) ?? kindFromTransportCode(error);
  return { kind, message: messages[kind], cause: error };
}
