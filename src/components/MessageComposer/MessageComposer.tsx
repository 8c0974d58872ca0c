import { forwardRef } from 'react';
import type { ButtonHTMLAttributes, FormHTMLAttributes } from 'react';
import { kitClassName } from '../internal/kitClassName.ts';
import { SendIcon } from './SendIcon.tsx';
import { useMessageComposer } from './useMessageComposer.ts';
import type { MessageComposerInputProps, UseMessageComposerOptions } from './useMessageComposer.ts';

/** Props of {@link MessageComposer}: the hook's options plus form attributes. */
export interface MessageComposerProps
  extends Omit<FormHTMLAttributes<HTMLFormElement>, 'children' | 'defaultValue'>,
    UseMessageComposerOptions {
  /** Drop the default class names (and so the default theme). */
  unstyled?: boolean;
  /** Props of the textarea (its handlers run before the composer's; `preventDefault()` skips the composer's). */
  inputProps?: MessageComposerInputProps;
  /** Props of the send button (its `onClick` runs first; `preventDefault()` keeps the text unsent). */
  sendButtonProps?: ButtonHTMLAttributes<HTMLButtonElement>;
}

/**
 * A text field to type to the assistant: Enter sends (`session.sendText`, trimmed), Shift+Enter
 * breaks the line, and after sending the field clears and keeps focus. While the session is not
 * connected the text can still be drafted, and the send button is `aria-disabled` with the
 * reason shown, announced and linked by `aria-describedby`. Typing dismisses an open idle
 * banner as "I'm still here" does. A thin shell over {@link useMessageComposer}.
 *
 * @example
 * ```tsx
 * <MessageComposer labels={{ placeholder: 'Ask about your order…' }} onSend={(text) => track('typed', text.length)} />
 * ```
 */
export const MessageComposer = forwardRef<HTMLFormElement, MessageComposerProps>(function MessageComposer(
  { labels, session, value, defaultValue, onValueChange, onSend, unstyled = false, className, inputProps, sendButtonProps, ...rest },
  ref,
) {
  const composer = useMessageComposer({ labels, session, value, defaultValue, onValueChange, onSend });
  // An icon alone needs a name; text of your own (`sendButtonProps.children`) names the button itself.
  const iconOnly = sendButtonProps?.children === undefined;
  return (
    <form {...composer.getFormProps(rest)} ref={ref} className={kitClassName(unstyled, 'rrk-message-composer', className)}>
      <label {...composer.labelProps} className={kitClassName(unstyled, 'rrk-message-composer__label')}>
        {composer.labels.input}
      </label>
      <div className={kitClassName(unstyled, 'rrk-message-composer__field')}>
        <textarea
          {...composer.getInputProps(inputProps)}
          className={kitClassName(unstyled, 'rrk-message-composer__input', inputProps?.className)}
        />
        <button
          {...composer.getSendButtonProps({ 'aria-label': iconOnly ? composer.labels.send : undefined, ...sendButtonProps })}
          className={kitClassName(unstyled, 'rrk-message-composer__send', sendButtonProps?.className)}
        >
          {iconOnly ? <SendIcon /> : sendButtonProps?.children}
        </button>
      </div>
      <p {...composer.reasonProps} className={kitClassName(unstyled, 'rrk-message-composer__reason')}>
        {composer.reasonText}
      </p>
    </form>
  );
});
