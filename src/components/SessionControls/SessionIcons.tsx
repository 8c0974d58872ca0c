import type { ReactNode } from 'react';

/**
 * The session controls' icons: inline SVG in `currentColor` (no icon font, no request), 24-unit
 * strokes like the composer's send arrow. Decorative: each button is named by its text, so the
 * icons are hidden from assistive technology and never announced twice.
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
      data-icon=""
    >
      {children}
    </svg>
  );
}

/** A microphone: the microphone is live. */
export function MicrophoneIcon() {
  return (
    <Icon>
      <rect x="9" y="2.5" width="6" height="11.5" rx="3" />
      <path d="M5 10.5a7 7 0 0 0 14 0" />
      <path d="M12 17.5V21" />
    </Icon>
  );
}

/** A struck-through microphone: the microphone is muted. */
export function MicrophoneOffIcon() {
  return (
    <Icon>
      <path d="M15 9.4V5.5a3 3 0 0 0-5.7-1.3" />
      <path d="M9 9v2a3 3 0 0 0 5.1 2.1" />
      <path d="M19 10.5a7 7 0 0 1-.9 3.4M16.6 16.5A7 7 0 0 1 5 10.5" />
      <path d="M12 17.5V21" />
      <path d="m3 3 18 18" />
    </Icon>
  );
}

/** A handset: start the call. */
export function PhoneIcon() {
  return (
    <Icon>
      <path d="M21.5 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 1.6 4.2 2 2 0 0 1 3.6 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L7.6 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.8 2Z" />
    </Icon>
  );
}

/** A handset put down: end the call. */
export function EndCallIcon() {
  return (
    <Icon>
      <path d="M3.3 14.6 1.4 12.7a1.9 1.9 0 0 1 .1-2.8C4.4 7.4 8.1 6 12 6s7.6 1.4 10.5 3.9a1.9 1.9 0 0 1 .1 2.8l-1.9 1.9a1.9 1.9 0 0 1-2.5.2l-2.1-1.6a1.9 1.9 0 0 1-.8-1.6V9.7a13 13 0 0 0-6.6 0v1.9a1.9 1.9 0 0 1-.8 1.6l-2.1 1.6a1.9 1.9 0 0 1-2.5-.2Z" />
    </Icon>
  );
}
