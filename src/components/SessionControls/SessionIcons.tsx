import type { ReactNode } from 'react';

/**
 * The session controls' icons: inline SVG in `currentColor` (no icon font, no request), 24-unit
 * strokes like the composer's send arrow. Decorative: each button is named by its text, so the
 * icons are hidden from assistive technology and never announced twice. Two shapes serve four
 * icons (the handset turned to hang up, the microphone struck through), so they cost little.
 */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

const HANDSET = 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2';
const MICROPHONE = 'M9 5a3 3 0 0 1 6 0v5a3 3 0 0 1-6 0zM5 10a7 7 0 0 0 14 0M12 17v4';

/** A microphone: the microphone is live. */
export function MicrophoneIcon() {
  return (
    <Icon>
      <path d={MICROPHONE} />
    </Icon>
  );
}

/** The microphone struck through: muted. */
export function MicrophoneOffIcon() {
  return (
    <Icon>
      <path d={MICROPHONE} />
      <path d="m3 3 18 18" />
    </Icon>
  );
}

/** A handset: start the call. */
export function PhoneIcon() {
  return (
    <Icon>
      <path d={HANDSET} />
    </Icon>
  );
}

/** The handset turned down: end the call. */
export function EndCallIcon() {
  return (
    <Icon>
      <path d={HANDSET} transform="rotate(135 12 12)" />
    </Icon>
  );
}
