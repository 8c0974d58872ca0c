import { useCallback, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect.ts';

/** How close to the end (px) still counts as "at the bottom". */
const BOTTOM_SLACK_PX = 48;

/** What {@link useStickToBottom} returns. */
export interface StickToBottom {
  /** True while new content keeps the view pinned to the end. */
  stuck: boolean;
  /**
   * Pin again, scroll to the end, and move focus to the scroll container (the "Jump to latest"
   * action, whose button then disappears).
   */
  jumpToLatest: () => void;
  /** Attach to the scroll container's `onScroll`. */
  onScroll: () => void;
  /** Attach to the scroll container's `onWheel`: scrolling up un-pins at once. */
  onWheel: (event: { deltaY: number }) => void;
}

/**
 * Keep a scroll container pinned to its end while content grows, until the user scrolls up;
 * scrolling back to the end pins it again.
 *
 * Only an upward move counts as "the user left": a virtualizer that re-measures rows, or the
 * browser clamping `scrollTop` when content shrinks, must not un-pin the view.
 *
 * @param scrollRef The scroll container.
 * @param contentKey Anything that changes when content grows (item count, last text, total size).
 * @example
 * ```tsx
 * const { stuck, onScroll, onWheel, jumpToLatest } = useStickToBottom(ref, [count, lastText]);
 * ```
 */
export function useStickToBottom(scrollRef: RefObject<HTMLElement | null>, contentKey: readonly unknown[]): StickToBottom {
  const [stuck, setStuckState] = useState(true);
  const stuckRef = useRef(true);
  const lastScrollTop = useRef(0);

  const setStuck = useCallback((value: boolean) => {
    stuckRef.current = value;
    setStuckState(value);
  }, []);

  const scrollToEnd = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    lastScrollTop.current = element.scrollTop;
  }, [scrollRef]);

  // Before paint, so a pinned view never shows a frame of the old position.
  useIsomorphicLayoutEffect(() => {
    if (stuckRef.current) scrollToEnd();
    // contentKey is the dependency list by design: re-pin whenever the content changes.
  }, contentKey);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    if (distance <= BOTTOM_SLACK_PX) {
      if (!stuckRef.current) setStuck(true);
    } else if (element.scrollTop < lastScrollTop.current - 1 && stuckRef.current) {
      setStuck(false);
    }
    lastScrollTop.current = element.scrollTop;
  }, [scrollRef, setStuck]);

  const onWheel = useCallback(
    (event: { deltaY: number }) => {
      const element = scrollRef.current;
      // Only when there is somewhere to scroll to: a short log cannot be "scrolled up".
      if (event.deltaY < 0 && element && element.scrollHeight > element.clientHeight && stuckRef.current) {
        setStuck(false);
      }
    },
    [scrollRef, setStuck],
  );

  const jumpToLatest = useCallback(() => {
    setStuck(true);
    scrollToEnd();
    // The button that called this disappears once pinned; without this, focus would fall to
    // <body>. The container must be focusable (TranscriptView's log has tabIndex 0).
    scrollRef.current?.focus({ preventScroll: true });
  }, [scrollRef, scrollToEnd, setStuck]);

  return { stuck, jumpToLatest, onScroll, onWheel };
}
