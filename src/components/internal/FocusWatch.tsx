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
export function FocusWatch({ rootRef, focusInsideAtClose: focusInsideAtCloseRef, children }: FocusWatchProps) {
  useIsomorphicLayoutEffect(() => {
    // A cleanup that was not a close (StrictMode's second mount, a hidden <Activity>) is followed
    // by this setup again: forget what it saw, or the next close would take focus back from
    // wherever the user has gone since.
    focusInsideAtCloseRef.current = false;
    return () => {
      const root = rootRef.current;
      if (root?.contains(root.ownerDocument.activeElement)) focusInsideAtCloseRef.current = true;
    };
  }, [rootRef, focusInsideAtCloseRef]);
  return <>{children}</>;
}
