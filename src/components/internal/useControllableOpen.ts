import { useCallback, useEffect, useInsertionEffect, useRef } from 'react';

/** Options of {@link useControllableOpen}. */
export interface UseControllableOpenOptions {
  /** Controlled open state: when defined it wins over `naturalOpen`. */
  open: boolean | undefined;
  /**
   * Whether the part would be open on its own (uncontrolled): what the session says, e.g. the
   * idle banner is open in the idle phases `timed_out` and `ending`.
   */
  naturalOpen: boolean;
  /**
   * Told when the part wants to open or close: when `naturalOpen` changes, and when an action
   * calls `requestOpenChange`. Once per change, never twice in a row with the same value, but
   * for an action on a part shown in a state it was not reported in (an owner who opened it
   * itself hears the close a button asks for, each time it is asked).
   */
  onOpenChange: ((open: boolean) => void) | undefined;
}

/** What {@link useControllableOpen} returns. */
export interface UseControllableOpenResult {
  /** The open state to render: the controlled `open`, else `naturalOpen`. */
  open: boolean;
  /**
   * Report a change an action asks for (a button that closes the part) at once, so a
   * controlled owner can close it before the session's state catches up; the `naturalOpen`
   * change that follows is then not reported again.
   */
  requestOpenChange: (open: boolean) => void;
}

/**
 * Controlled and uncontrolled open state, Radix style, for parts whose uncontrolled state
 * follows the session rather than their own clicks: `open` given wins; otherwise the part
 * follows `naturalOpen`. Either way `onOpenChange` hears each wanted change once. The part
 * starts closed, so mounting while `naturalOpen` is already true reports `true`. The latest
 * `onOpenChange` is called without re-running any effect when its identity changes.
 *
 * @example
 * ```ts
 * const { open, requestOpenChange } = useControllableOpen({
 *   open: props.open,
 *   naturalOpen: idle.phase === 'timed_out' || idle.phase === 'ending',
 *   onOpenChange: props.onOpenChange,
 * });
 * ```
 */
export function useControllableOpen({ open, naturalOpen, onOpenChange }: UseControllableOpenOptions): UseControllableOpenResult {
  // A ref keeps the latest callback without re-running the effect on every render.
  const onOpenChangeRef = useRef(onOpenChange);
  const shownOpen = open ?? naturalOpen;
  const shownOpenRef = useRef(shownOpen);
  useInsertionEffect(() => {
    onOpenChangeRef.current = onOpenChange;
    shownOpenRef.current = shownOpen;
  });
  const lastReported = useRef(false);
  const report = useCallback((value: boolean) => {
    lastReported.current = value;
    onOpenChangeRef.current?.(value);
  }, []);
  // An action reports unless it repeats the last report about a part already shown that way:
  // an owner who opened the part itself (the phase never did) must still hear a button's close.
  const requestOpenChange = useCallback(
    (value: boolean) => {
      if (lastReported.current !== value || shownOpenRef.current !== value) report(value);
    },
    [report],
  );
  useEffect(() => {
    if (lastReported.current !== naturalOpen) report(naturalOpen);
  }, [naturalOpen, report]);
  return { open: shownOpen, requestOpenChange };
}
