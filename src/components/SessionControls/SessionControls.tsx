import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import { kitClassName } from '../internal/kitClassName.ts';
import { useSessionControls } from './useSessionControls.ts';
import type { UseSessionControlsOptions } from './useSessionControls.ts';

/** Props of {@link SessionControls}. */
export interface SessionControlsProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'>, UseSessionControlsOptions {
  /** Drop the default class names (and so the default theme). */
  unstyled?: boolean;
  /** Show the mute toggle (default true). */
  showMute?: boolean;
}

/**
 * A toolbar with "Start session" / "End session" and a microphone mute toggle. A thin shell
 * over {@link useSessionControls}.
 *
 * @example
 * ```tsx
 * <SessionControls labels={{ connect: 'Talk to us' }} onConnectClick={() => track('start')} />
 * ```
 */
export const SessionControls = forwardRef<HTMLDivElement, SessionControlsProps>(function SessionControls(
  { labels, onConnectClick, onMuteClick, session, unstyled = false, showMute = true, className, ...rest },
  ref,
) {
  const controls = useSessionControls({ labels, onConnectClick, onMuteClick, session });
  const button = kitClassName(unstyled, 'rrk-button');
  return (
    // A group, not a toolbar: a toolbar promises arrow-key navigation that two buttons do not need.
    <div
      role="group"
      aria-label={controls.labels.group}
      {...rest}
      ref={ref}
      className={kitClassName(unstyled, 'rrk-session-controls', className)}
      data-status={controls.status}
    >
      <button
        {...controls.connectButtonProps}
        className={button}
        data-variant={controls.active ? 'danger' : 'primary'}
      >
        {controls.connectLabel}
      </button>
      {showMute ? (
        <button {...controls.muteButtonProps} className={button}>
          {controls.labels.mute}
        </button>
      ) : null}
    </div>
  );
});
