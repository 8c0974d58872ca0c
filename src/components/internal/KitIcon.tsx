import type { ReactNode } from 'react';

/**
 * The kit's one inline-SVG icon frame: 24-unit strokes in `currentColor` (no icon font, no
 * request), drawn at 18 px. Decorative: every icon sits next to text that names its control, so
 * the frame is hidden from assistive technology (and from keyboard focus in old Edge) and never
 * announced twice. An icon passes its shapes, and may pass a class or a heavier stroke.
 */
export function KitIcon(props: { children: ReactNode; className?: string; strokeWidth?: string }) {
  return (
    // `className={undefined}` only holds the class's place, so an icon's class renders where it
    // always has; the props spread last so an icon's own class and stroke width win.
    <svg
      aria-hidden
      focusable={false}
      className={undefined}
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      {...props}
    />
  );
}
