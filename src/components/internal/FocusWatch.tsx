import type { ReactNode, RefObject } from 'react';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.ts';

/** Props of {@link FocusWatch}. */
export interface FocusWatchProps {
  /** The root that {@link useRestoreFocusOnClose} watches. */
  rootRef: RefObject<HTMLElement | null>;
  /** The flag from {@link useRestoreFocusOnClose}. */
  focusInsideAtClose: { current: boolean };
  children: ReactNode;
}

/**
 * Wraps content that unmounts on close: its layout-effect cleanup runs before React removes the
 * content's DOM, so it can still see whether focus was inside the root, for
 * {@link useRestoreFocusOnClose}.
 *
 * @example
 * ```tsx
 * {open ? <FocusWatch rootRef={rootRef} focusInsideAtClose={focus.focusInsideAtClose}>{children}</FocusWatch> : null}
 * ```
 */
export function FocusWatch({ rootRef, focusInsideAtClose, children }: FocusWatchProps) {
  useIsomorphicLayoutEffect(
    () => () => {
      const root = rootRef.current;
      if (root?.contains(root.ownerDocument.activeElement)) focusInsideAtClose.current = true;
    },
    [rootRef, focusInsideAtClose],
  );
  return <>{children}</>;
}
