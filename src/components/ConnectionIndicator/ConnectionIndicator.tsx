import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import { kitClassName } from '../internal/kitClassName.ts';
import { useConnectionIndicator } from './useConnectionIndicator.ts';
import type { UseConnectionIndicatorOptions } from './useConnectionIndicator.ts';

/** Props of {@link ConnectionIndicator}: the hook's options plus span attributes. */
export interface ConnectionIndicatorProps
  extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'>,
    UseConnectionIndicatorOptions {
  /** Drop the default class name (and so the default theme). */
  unstyled?: boolean;
}

/**
 * A small live status indicator: a coloured dot (from CSS) and a word. Announced politely when
 * it changes. `data-status` carries the raw status for styling; a session the idle policy ended
 * reads "Ended after no reply" (label `endedForInactivity`) and has `data-reason="idle"`.
 * A thin shell over {@link useConnectionIndicator}.
 *
 * @example
 * ```tsx
 * <ConnectionIndicator labels={{ connected: 'Live' }} />
 * ```
 */
export const ConnectionIndicator = forwardRef<HTMLSpanElement, ConnectionIndicatorProps>(function ConnectionIndicator(
  { labels, unstyled = false, session, showError = true, className, ...rest },
  ref,
) {
  const indicator = useConnectionIndicator({ labels, session, showError });
  const { 'data-status': dataStatus, 'data-reason': dataReason, ...ariaProps } = indicator.rootProps;
  return (
    // The user's props win, `role` and `aria-live` included; the state attributes stay ours.
    <span
      {...ariaProps}
      {...rest}
      ref={ref}
      className={kitClassName(unstyled, 'rrk-connection-indicator', className)}
      data-status={dataStatus}
      data-reason={dataReason}
    >
      {indicator.label}
      {indicator.errorMessage === null ? null : `: ${indicator.errorMessage}`}
    </span>
  );
});
