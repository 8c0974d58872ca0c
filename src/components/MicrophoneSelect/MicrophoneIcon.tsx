import { KitIcon } from '../internal/KitIcon';

/**
 * A microphone, in the kit's icon frame (inline SVG in `currentColor`, no icon font, no request).
 * Decorative: the select it sits next to is named by its label.
 */
export function MicrophoneIcon({ className }: { className?: string }) {
  return (
    <KitIcon className={className}>
      <rect x="9" y="2.5" width="6" height="12" rx="3" />
      <path d="M5.5 11a6.5 6.5 0 0 0 13 0" />
      <path d="M12 17.5V21" />
    </KitIcon>
  );
}
