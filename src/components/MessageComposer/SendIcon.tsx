import { KitIcon } from '../internal/KitIcon';

/**
 * The send button's icon: an arrow up, in the kit's icon frame (inline SVG in `currentColor`, no
 * icon font, no request), a little heavier than the others. Decorative: the button is named by
 * its label.
 */
export function SendIcon() {
  return (
    <KitIcon strokeWidth="2.25">
      <path d="M12 19V5" />
      <path d="m5 12 7-7 7 7" />
    </KitIcon>
  );
}
