import { useId, useRef, useState } from 'react';
import type {
  ButtonHTMLAttributes,
  FormEvent,
  FormHTMLAttributes,
  HTMLAttributes,
  KeyboardEvent,
  LabelHTMLAttributes,
  Ref,
  TextareaHTMLAttributes,
} from 'react';
import type { ConnectionStatus, RealtimeSession } from '../../core/session/types.ts';
import { useRealtimeSession } from '../../react/index.ts';
import { useRequiredSession } from '../../react/useRequiredSession.ts';
import { composeEventHandlers } from '../internal/composeEventHandlers.ts';
import { composeRefs } from '../internal/composeRefs.ts';
import { resolveLabel, type Label } from '../internal/resolveLabel.ts';
import { noteTypingActivity } from './noteTypingActivity.ts';

/**
 * Why the composer cannot send right now: the session is not connected, or there is nothing
 * but whitespace to send. `null` when it can.
 *
 * @example
 * ```tsx
 * const { disabledReason } = useMessageComposer();
 * const hint = disabledReason === 'not_connected' ? 'Start the session first' : null;
 * ```
 */
export type MessageComposerDisabledReason = 'not_connected' | 'empty';

/** What a {@link MessageComposerLabels} function is given. */
export interface MessageComposerState {
  status: ConnectionStatus;
  disabledReason: MessageComposerDisabledReason | null;
}

/** Every string of the composer, for translation. */
export interface MessageComposerLabels {
  /** The text field's label (a `<label>`, visually hidden by the default theme; never the placeholder alone). */
  input: string;
  /** The field's placeholder, a hint only: the label names the field. */
  placeholder: string;
  /** The send button's accessible name: `<MessageComposer>` shows an icon and names the button with it. */
  send: string;
  /** The reason shown, announced and linked to the field and the button while not connected. */
  notConnected: Label<MessageComposerState>;
}

/**
 * The default English copy.
 *
 * @example
 * ```tsx
 * <MessageComposer labels={{ placeholder: `${defaultMessageComposerLabels.placeholder} (Shift+Enter for a new line)` }} />
 * ```
 */
export const defaultMessageComposerLabels: MessageComposerLabels = {
  input: 'Message',
  placeholder: 'Type a message…',
  send: 'Send message',
  notConnected: ({ status }) =>
    status === 'connecting' ? 'Connecting… you can send once connected.' : 'Start the session to send a message.',
};

/** Options of {@link useMessageComposer}; `<MessageComposer>` takes the same as props. */
export interface UseMessageComposerOptions {
  labels?: Partial<MessageComposerLabels>;
  /** An explicit session instead of the provider's. */
  session?: RealtimeSession;
  /** The text, controlled. Use with `onValueChange`. */
  value?: string;
  /** The initial text, uncontrolled (default empty). */
  defaultValue?: string;
  /** Called with the new text as the user types, and with `''` once a message is sent. */
  onValueChange?: (value: string) => void;
  /** Called with the (trimmed) text after it was sent with `session.sendText`. */
  onSend?: (text: string) => void;
}

/** Textarea props as the hook takes and returns them, `ref` included. */
export type MessageComposerInputProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  ref?: Ref<HTMLTextAreaElement>;
};

/** Form props as the hook returns them, with the state as `data-*` attributes for styling. */
export type MessageComposerFormProps = FormHTMLAttributes<HTMLFormElement> & {
  'data-status'?: ConnectionStatus;
  'data-disabled-reason'?: MessageComposerDisabledReason;
};

/** What {@link useMessageComposer} returns: state, actions, text and prop getters. */
export interface UseMessageComposerResult {
  /** The text in the field, as typed (not trimmed). */
  value: string;
  setValue(value: string): void;
  status: ConnectionStatus;
  /** True when `send()` would send: connected, and something besides whitespace typed. */
  canSend: boolean;
  disabledReason: MessageComposerDisabledReason | null;
  labels: MessageComposerLabels;
  /** The reason to show (only `not_connected` has one: an empty field explains itself), else null. */
  reasonText: string | null;
  /** Send the trimmed text, clear the field and keep focus in it. Returns whether it sent. */
  send(): boolean;
  /** Props of the `<form>` (optional: a submit sends). The user's `onSubmit` runs first. */
  getFormProps(props?: FormHTMLAttributes<HTMLFormElement>): MessageComposerFormProps;
  /** Props of the `<textarea>`: value, Enter to send, typing as activity. User handlers run first. */
  getInputProps(props?: MessageComposerInputProps): MessageComposerInputProps;
  /** Props of the send button: `aria-disabled` (not `disabled`, so it stays focusable and its reason is read). */
  getSendButtonProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement>;
  /** Props of the field's `<label>`. */
  labelProps: LabelHTMLAttributes<HTMLLabelElement>;
  /** Props of the element that shows `reasonText`: a polite live region, always rendered. */
  reasonProps: HTMLAttributes<HTMLElement> & { id: string };
}

/** Enter while an input method composes a character (CJK, accents) confirms it: never send. */
function isComposing(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229;
}

function joinIds(...ids: (string | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/**
 * The headless message composer: the text, whether it can be sent and why not, and props for a
 * form, a textarea and a send button, so a design system's own field gets the same behaviour.
 * Enter sends (`session.sendText`, trimmed), Shift+Enter breaks the line, Enter during IME
 * composition does nothing; after sending the field clears and keeps focus. Typing counts as
 * the user being back for the idle policy (see `noteTypingActivity`). The text lives in this
 * hook's state, so a keystroke re-renders the composer and nothing else.
 *
 * @example
 * ```tsx
 * function Composer() {
 *   const composer = useMessageComposer();
 *   return (
 *     <form {...composer.getFormProps()}>
 *       <label {...composer.labelProps}>{composer.labels.input}</label>
 *       <textarea {...composer.getInputProps()} />
 *       <button {...composer.getSendButtonProps()}>Send</button>
 *       <p {...composer.reasonProps}>{composer.reasonText}</p>
 *     </form>
 *   );
 * }
 * ```
 */
export function useMessageComposer(options: UseMessageComposerOptions = {}): UseMessageComposerResult {
  const { session: explicit, value: controlledValue, defaultValue = '', onValueChange, onSend } = options;
  // Checked here first so that, without a session, the error names this hook.
  useRequiredSession(explicit, 'useMessageComposer');
  const { status, session, sendText, stillHere } = useRealtimeSession(explicit ? { session: explicit } : undefined);
  const [uncontrolledValue, setUncontrolledValue] = useState(defaultValue);
  const value = controlledValue ?? uncontrolledValue;
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const reasonId = `${baseId}-reason`;

  const labels: MessageComposerLabels = { ...defaultMessageComposerLabels, ...options.labels };
  const disabledReason: MessageComposerDisabledReason | null =
    status !== 'connected' ? 'not_connected' : value.trim() === '' ? 'empty' : null;
  const canSend = disabledReason === null;
  const reasonText = disabledReason === 'not_connected' ? resolveLabel(labels.notConnected, { status, disabledReason }) : null;
  const describedBy = reasonText === null ? undefined : reasonId;

  const setValue = (next: string) => {
    if (controlledValue === undefined) setUncontrolledValue(next);
    onValueChange?.(next);
  };

  const send = (): boolean => {
    const text = value.trim();
    if (!canSend) return false;
    sendText(text);
    setValue('');
    onSend?.(text);
    // A click on the send button took focus: give it back, so the next message can be typed.
    inputRef.current?.focus();
    return true;
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || isComposing(event)) return;
    // Enter means "send" here, even when nothing can be sent: it never breaks the line.
    event.preventDefault();
    send();
  };

  return {
    value,
    setValue,
    status,
    canSend,
    disabledReason,
    labels,
    reasonText,
    send,
    getFormProps: (props = {}) => ({
      ...props,
      'data-status': status,
      'data-disabled-reason': disabledReason ?? undefined,
      onSubmit: composeEventHandlers(props.onSubmit, (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        send();
      }),
    }),
    getInputProps: (props = {}) => ({
      rows: 1,
      enterKeyHint: 'send',
      placeholder: labels.placeholder,
      ...props,
      id: inputId,
      ref: props.ref ? composeRefs(props.ref, inputRef) : inputRef,
      value,
      'aria-describedby': joinIds(props['aria-describedby'], describedBy),
      onChange: composeEventHandlers(props.onChange, (event) => {
        setValue(event.currentTarget.value);
        noteTypingActivity(session, stillHere);
      }),
      onKeyDown: composeEventHandlers(props.onKeyDown, handleKeyDown),
    }),
    getSendButtonProps: (props = {}) => ({
      ...props,
      type: 'button',
      'aria-disabled': canSend ? undefined : true,
      'aria-describedby': joinIds(props['aria-describedby'], describedBy),
      onClick: composeEventHandlers(props.onClick, () => {
        send();
      }),
    }),
    labelProps: { htmlFor: inputId },
    reasonProps: { id: reasonId, role: 'status', 'aria-live': 'polite' },
  };
}
