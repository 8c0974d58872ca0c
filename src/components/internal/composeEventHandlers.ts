/** Options of {@link composeEventHandlers}. */
export interface ComposeEventHandlersOptions {
  /**
   * Skip the component's handler when the user's called `event.preventDefault()` (default
   * true). False for bookkeeping the component needs whatever the user did (focus tracking):
   * it then runs even when the user's handler throws, and the error still propagates.
   */
  checkForDefaultPrevented?: boolean;
}

/**
 * Compose a user's event handler with the component's own, Radix style: the user's handler
 * runs first and can call `event.preventDefault()` to skip the component's behaviour (for
 * example to ask "are you sure?" before ending a session).
 *
 * @example
 * ```tsx
 * <button onClick={composeEventHandlers(props.onClick, () => session.stillHere())} />
 * ```
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  userHandler: ((event: E) => void) | undefined,
  ownHandler: ((event: E) => void) | undefined,
  { checkForDefaultPrevented = true }: ComposeEventHandlersOptions = {},
): (event: E) => void {
  if (!checkForDefaultPrevented) {
    // React reports a handler's error and the page goes on, so the bookkeeping must not be lost.
    return (event: E) => {
      try {
        userHandler?.(event);
      } finally {
        ownHandler?.(event);
      }
    };
  }
  return (event: E) => {
    userHandler?.(event);
    if (!event.defaultPrevented) ownHandler?.(event);
  };
}
