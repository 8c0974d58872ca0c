import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import { kitClassName } from '../internal/kitClassName.ts';
import { EndCallIcon, MicrophoneIcon, MicrophoneOffIcon, PhoneIcon } from './SessionIcons.tsx';
import { useSessionControls } from './useSessionControls.ts';
import type { UseSessionControlsOptions } from './useSessionControls.ts';

/** Props of {@link SessionControls}. */
export interface SessionControlsProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'>, UseSessionControlsOptions {
  /** Drop the default class names (and so the default theme). */
  unstyled?: boolean;
  /** Show the mute toggle (default true). */
  showMute?: boolean;
  /**
   * Show an icon before each button's text (default true): a handset to start, a handset put
   * down to end, a microphone that is struck through while muted. Decorative (`aria-hidden`);
   * the text stays the button's name.
   */
  showIcons?: boolean;
}

/**
 * A toolbar with "Start session" / "End session" and a microphone mute toggle, each with an
 * inline SVG icon in `currentColor` (`showIcons={false}` leaves text only). The text of each
 * button is in a `rrk-button__label` span, so a theme can hide it visually and keep it as the
 * name. A thin shell over {@link useSessionControls}.
 *
 * @example
 * ```tsx
 * <SessionControls labels={{ connect: 'Talk to us' }} onConnectClick={() => track('start')} />
 * ```
 */
export const SessionControls = forwardRef<HTMLDivElement, SessionControlsProps>(function SessionControls(
  { labels, onConnectClick, onMuteClick, session, unstyled = false, showMute = true, showIcons = true, className, ...rest },
  ref,
) {
  const controls = useSessionControls({ labels, onConnectClick, onMuteClick, session });
  const button = kitClassName(unstyled, 'rrk-button');
  const label = kitClassName(unstyled, 'rrk-button__label');
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
        {showIcons ? controls.active ? <EndCallIcon /> : <PhoneIcon /> : null}
        <span className={label}>{controls.connectLabel}</span>
      </button>
      {showMute ? (
        <button {...controls.muteButtonProps} className={button} data-action="mute">
          {showIcons ? controls.muted ? <MicrophoneOffIcon /> : <MicrophoneIcon /> : null}
          <span className={label}>{controls.labels.mute}</span>
        </button>
      ) : null}
    </div>
  );
});
