import { KitIcon } from '../internal/KitIcon';

/*
 * The session controls' icons, in the kit's icon frame. Two shapes serve four icons (the handset
 * turned to hang up, the microphone struck through), so they cost little.
 */
const HANDSET = 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2';
const MICROPHONE = 'M9 5a3 3 0 0 1 6 0v5a3 3 0 0 1-6 0zM5 10a7 7 0 0 0 14 0M12 17v4';

/** A microphone: the microphone is live. */
export function MicrophoneIcon() {
  return (
    <KitIcon>
      <path d={MICROPHONE} />
    </KitIcon>
  );
}

/** The microphone struck through: muted. */
export function MicrophoneOffIcon() {
  return (
    <KitIcon>
      <path d={MICROPHONE} />
      <path d="m3 3 18 18" />
    </KitIcon>
  );
}

/** A handset: start the call. */
export function PhoneIcon() {
  return (
    <KitIcon>
      <path d={HANDSET} />
    </KitIcon>
  );
}

/** The handset turned down: end the call. */
export function EndCallIcon() {
  return (
    <KitIcon>
      <path d={HANDSET} transform="rotate(135 12 12)" />
    </KitIcon>
  );
}
