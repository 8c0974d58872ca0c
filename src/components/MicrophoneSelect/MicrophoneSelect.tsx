import { forwardRef } from 'react';
import type { ButtonHTMLAttributes, HTMLAttributes } from 'react';
import { kitClassName } from '../internal/kitClassName.ts';
import { MicrophoneIcon } from './MicrophoneIcon.tsx';
import { useMicrophoneSelect } from './useMicrophoneSelect.ts';
import type { MicrophoneSelectElementProps, UseMicrophoneSelectOptions } from './useMicrophoneSelect.ts';

/** Props of {@link MicrophoneSelect}: the hook's options plus attributes of the wrapping `<div>`. */
export interface MicrophoneSelectProps
  extends Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'onChange'>,
    UseMicrophoneSelectOptions {
  /** Drop the default class names (and so the default theme). */
  unstyled?: boolean;
  /** Show the "Allow microphone" button while names are hidden (default true). */
  showPermissionButton?: boolean;
  /** Props of the `<select>` (its `onChange` runs first; `preventDefault()` keeps the microphone). */
  selectProps?: MicrophoneSelectElementProps;
  /** Props of the "Allow microphone" button (its `onClick` runs first). */
  permissionButtonProps?: ButtonHTMLAttributes<HTMLButtonElement>;
}

/**
 * A labelled native `<select>` of the microphones, to switch in the middle of a session
 * without reconnecting (`session.setMicrophoneDevice`). Follows microphones plugged in and
 * out (an unplugged choice falls back to the default, and says so), shows "Microphone 1"...
 * with an "Allow microphone" button until the browser shows names, is disabled with its
 * reason where there is no microphone API or no microphone, and shows failures (access
 * denied, not found, in use) in an alert linked to the select. A thin shell over
 * {@link useMicrophoneSelect}.
 *
 * @example
 * ```tsx
 * <MicrophoneSelect labels={{ label: 'Mikrofon', allowAccess: 'Mikrofon erlauben' }} onDeviceChange={(id) => save('mic', id)} />
 * ```
 */
export const MicrophoneSelect = forwardRef<HTMLDivElement, MicrophoneSelectProps>(function MicrophoneSelect(
  {
    session,
    mediaDevices,
    labels,
    onDeviceChange,
    unstyled = false,
    showPermissionButton = true,
    className,
    selectProps,
    permissionButtonProps,
    ...rest
  },
  ref,
) {
  const mic = useMicrophoneSelect({ session, mediaDevices, labels, onDeviceChange });
  return (
    <div {...mic.getRootProps(rest)} ref={ref} className={kitClassName(unstyled, 'rrk-microphone-select', className)}>
      <label {...mic.labelProps} className={kitClassName(unstyled, 'rrk-microphone-select__label')}>
        {mic.labels.label}
      </label>
      <div className={kitClassName(unstyled, 'rrk-microphone-select__row')}>
        <div className={kitClassName(unstyled, 'rrk-microphone-select__field')}>
          <MicrophoneIcon className={kitClassName(unstyled, 'rrk-microphone-select__icon')} />
          <select
            {...mic.getSelectProps(selectProps)}
            className={kitClassName(unstyled, 'rrk-microphone-select__select', selectProps?.className)}
          >
            {mic.microphones.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        {showPermissionButton && mic.canRequestPermission ? (
          <button
            {...mic.getPermissionButtonProps(permissionButtonProps)}
            className={kitClassName(unstyled, 'rrk-microphone-select__allow', permissionButtonProps?.className)}
          >
            {permissionButtonProps?.children ?? mic.labels.allowAccess}
          </button>
        ) : null}
      </div>
      <p {...mic.statusProps} className={kitClassName(unstyled, 'rrk-microphone-select__status')}>
        {mic.statusText}
      </p>
      <p {...mic.errorProps} className={kitClassName(unstyled, 'rrk-microphone-select__error')}>
        {mic.error?.message}
      </p>
    </div>
  );
});
