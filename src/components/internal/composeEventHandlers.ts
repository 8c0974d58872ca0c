/** Options of {@link composeEventHandlers}. */
export interface ComposeEventHandlersOptions {
  /**
   * Skip the component's handler when the user's called `event.preventDefault()` (default
   * true). False for bookkeeping the component needs whatever the user did (focus tracking).
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
  return (event: E) => {
    userHandler?.(event);
    if (!checkForDefaultPrevented || !event.defaultPrevented) ownHandler?.(event);
  };
}
