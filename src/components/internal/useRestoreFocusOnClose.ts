import { useRef } from 'react';
import type { FocusEvent, RefObject } from 'react';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.ts';

/** What {@link useRestoreFocusOnClose} returns: two root handlers and the flag for {@link FocusWatch}. */
export interface RestoreFocusOnClose {
  /** The root's `onFocus`: remembers where focus came from when it enters the root. */
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  /** The root's `onBlur`: takes back the `tabindex` given to the root on close. */
  onBlur: (event: FocusEvent<HTMLElement>) => void;
  /** Set by {@link FocusWatch} when the content it wraps unmounts with focus inside the root. */
  focusInsideAtClose: { current: boolean };
}

/**
 * Where focus goes when a part closes with focus inside it (a button it just removed, or one
 * that `forceMount` hides): back to the element that had focus before focus entered the root,
 * if it is still in the document and takes focus; otherwise the root itself, made focusable
 * (`tabindex="-1"`) only until focus leaves it, never `<body>`. Radix Toast does the same with
 * its viewport. Wrap unmounting content in {@link FocusWatch} so the check still sees it.
 *
 * @example
 * ```tsx
 * const focus = useRestoreFocusOnClose(rootRef, open);
 * return <div ref={rootRef} onFocus={focus.onFocus} onBlur={focus.onBlur}>…</div>;
 * ```
 */
export function useRestoreFocusOnClose(rootRef: RefObject<HTMLElement | null>, open: boolean): RestoreFocusOnClose {
  const returnFocusTo = useRef<HTMLElement | null>(null);
  // Set by <FocusWatch> while the DOM of the closing content is still there.
  const focusInsideAtClose = useRef(false);
  const addedTabIndex = useRef(false);
  const wasOpen = useRef(open);

  useIsomorphicLayoutEffect(() => {
    const root = rootRef.current;
    const closing = wasOpen.current && !open;
    wasOpen.current = open;
    const focusWasInside = focusInsideAtClose.current || Boolean(root?.contains(root.ownerDocument.activeElement));
    focusInsideAtClose.current = false;
    if (!closing || !root || !focusWasInside) return;
    const target = returnFocusTo.current;
    returnFocusTo.current = null;
    const doc = root.ownerDocument;
    if (target && target.isConnected && !root.contains(target)) {
      target.focus({ preventScroll: true });
      if (doc.activeElement === target) return;
    }
    if (!root.hasAttribute('tabindex')) {
      root.setAttribute('tabindex', '-1');
      addedTabIndex.current = true;
    }
    root.focus({ preventScroll: true });
  }, [open]);

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const root = event.currentTarget;
    const from = event.relatedTarget as HTMLElement | null;
    // Focus entering from outside: remember where it came from. Coming from nowhere (the page
    // body, which some environments report as the related target) leaves nothing to return to.
    if (!from || !root.contains(from)) {
      const doc = root.ownerDocument;
      const useful = from && from !== doc.body && from !== doc.documentElement && typeof from.focus === 'function';
      returnFocusTo.current = useful ? from : null;
    }
  };
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    // The root is focusable only while it holds the focus it was given on close.
    if (event.target === event.currentTarget && addedTabIndex.current) {
      addedTabIndex.current = false;
      event.currentTarget.removeAttribute('tabindex');
    }
  };
  return { onFocus, onBlur, focusInsideAtClose };
}
