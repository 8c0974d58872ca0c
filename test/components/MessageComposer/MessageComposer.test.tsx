import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageComposer } from '../../../src/components/index.ts';
import type { MessageComposerProps } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';

afterEach(cleanup);

function setup(props: MessageComposerProps = {}, { connected = true } = {}) {
  const session = createFakeSession();
  if (connected) session.setState({ status: 'connected' });
  render(
    <RealtimeProvider session={session}>
      <MessageComposer {...props} />
    </RealtimeProvider>,
  );
  // The only field and the only button; the tests that check their names query by name.
  const field = screen.getByRole('textbox') as HTMLTextAreaElement;
  const sendButton = screen.getByRole('button');
  const sent = () => session.calls.filter((call) => call.startsWith('sendText:'));
  return { session, field, sendButton, sent };
}

function type(field: HTMLTextAreaElement, text: string) {
  field.focus();
  fireEvent.change(field, { target: { value: text } });
}

describe('MessageComposer: keyboard', () => {
  it('is a labelled field and a named send button', () => {
    const { field, sendButton } = setup();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBe(field);
    expect(screen.getByRole('button', { name: 'Send message' })).toBe(sendButton);
  });

  it('sends the trimmed text on Enter, then clears the field and keeps focus in it', () => {
    const { field, sent } = setup();
    type(field, '  Book a table for two  ');
    const notCancelled = fireEvent.keyDown(field, { key: 'Enter' });
    expect(sent()).toEqual(['sendText:Book a table for two']);
    expect(notCancelled).toBe(false); // no line break inserted
    expect(field.value).toBe('');
    expect(document.activeElement).toBe(field);
  });

  it('breaks the line on Shift+Enter and sends nothing', () => {
    const { field, sent } = setup();
    type(field, 'First line');
    const notCancelled = fireEvent.keyDown(field, { key: 'Enter', shiftKey: true });
    expect(notCancelled).toBe(true); // the browser inserts the line break
    expect(sent()).toEqual([]);
    expect(field.value).toBe('First line');
  });

  it('does not send on the Enter that confirms an IME composition (isComposing, or keyCode 229)', () => {
    const { field, sent } = setup();
    type(field, 'にほんご');
    expect(fireEvent.keyDown(field, { key: 'Enter', isComposing: true })).toBe(true);
    expect(fireEvent.keyDown(field, { key: 'Enter', keyCode: 229 })).toBe(true);
    expect(sent()).toEqual([]);
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(sent()).toEqual(['sendText:にほんご']);
  });

  it('sends nothing for an empty or whitespace-only field, and says the button is disabled', () => {
    const { field, sendButton, sent } = setup();
    expect(sendButton.getAttribute('aria-disabled')).toBe('true');
    type(field, '   \n  ');
    expect(sendButton.getAttribute('aria-disabled')).toBe('true');
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.click(sendButton);
    expect(sent()).toEqual([]);
    expect(field.value).toBe('   \n  ');
  });
});

describe('MessageComposer: the send button', () => {
  it('sends on click and gives focus back to the field', () => {
    const { field, sendButton, sent } = setup();
    type(field, 'Hello');
    expect(sendButton.getAttribute('aria-disabled')).toBeNull();
    sendButton.focus();
    fireEvent.click(sendButton);
    expect(sent()).toEqual(['sendText:Hello']);
    expect(field.value).toBe('');
    expect(document.activeElement).toBe(field);
  });

  it('is an icon button named by its label, with the icon hidden from assistive technology', () => {
    setup({ labels: { send: 'Envoyer' } });
    const sendButton = screen.getByRole('button', { name: 'Envoyer' });
    expect(sendButton.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('MessageComposer while not connected', () => {
  it('keeps the field usable, disables sending with a visible reason, and sends once connected', () => {
    const { session, field, sendButton, sent } = setup({}, { connected: false });
    const reason = screen.getByRole('status');
    expect(reason.textContent).toBe('Start the session to send a message.');
    expect(sendButton.getAttribute('aria-disabled')).toBe('true');
    expect(sendButton.getAttribute('aria-describedby')).toBe(reason.id);
    expect(field.getAttribute('aria-describedby')).toBe(reason.id);
    expect(field.disabled).toBe(false);

    type(field, 'Drafted before connecting');
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.click(sendButton);
    expect(sent()).toEqual([]);
    expect(field.value).toBe('Drafted before connecting');

    act(() => session.setState({ status: 'connecting' }));
    expect(reason.textContent).toBe('Connecting… you can send once connected.');

    act(() => session.setState({ status: 'connected' }));
    expect(reason.textContent).toBe('');
    expect(sendButton.getAttribute('aria-disabled')).toBeNull();
    expect(sendButton.getAttribute('aria-describedby')).toBeNull();
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(sent()).toEqual(['sendText:Drafted before connecting']);
  });
});

describe('MessageComposer: user handlers', () => {
  it("runs the user's onKeyDown first; its preventDefault() stops the send", () => {
    const order: string[] = [];
    const onKeyDown = vi.fn((event: React.KeyboardEvent) => {
      order.push(`user:${event.key}`);
      event.preventDefault();
    });
    const { field, sent, session } = setup({ inputProps: { onKeyDown } });
    const original = session.sendText;
    session.sendText = (text) => {
      order.push('send');
      original(text);
    };
    type(field, 'Not yet');
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(onKeyDown).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['user:Enter']);
    expect(sent()).toEqual([]);
    expect(field.value).toBe('Not yet');
  });

  it("runs the user's onKeyDown before sending when it does not cancel", () => {
    const order: string[] = [];
    const { field, sent } = setup({
      inputProps: { onKeyDown: () => order.push('user') },
      onSend: (text) => order.push(`sent:${text}`),
    });
    type(field, 'Go');
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(order).toEqual(['user', 'sent:Go']);
    expect(sent()).toEqual(['sendText:Go']);
  });

  it("lets the send button's onClick cancel the send", () => {
    const { field, sendButton, sent } = setup({ sendButtonProps: { onClick: (event) => event.preventDefault() } });
    type(field, 'Hold on');
    fireEvent.click(sendButton);
    expect(sent()).toEqual([]);
  });
});

describe('MessageComposer: value, labels and styling', () => {
  it('works controlled: the field shows `value`, and onValueChange reports typing and the clear after sending', () => {
    const changes: string[] = [];
    function Controlled() {
      const [text, setText] = useState('Draft');
      return (
        <MessageComposer
          value={text}
          onValueChange={(next) => {
            changes.push(next);
            setText(next);
          }}
        />
      );
    }
    const session = createFakeSession();
    session.setState({ status: 'connected' });
    render(
      <RealtimeProvider session={session}>
        <Controlled />
      </RealtimeProvider>,
    );
    const field = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(field.value).toBe('Draft');
    fireEvent.change(field, { target: { value: 'Draft two' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(session.calls).toContain('sendText:Draft two');
    expect(changes).toEqual(['Draft two', '']);
    expect(field.value).toBe('');
  });

  it('labels the field with a <label>, not only a placeholder, and takes every string from `labels`', () => {
    setup({ labels: { input: 'Nachricht', placeholder: 'Schreib etwas…', send: 'Senden' } });
    const field = screen.getByRole('textbox', { name: 'Nachricht' }) as HTMLTextAreaElement;
    expect(field.getAttribute('placeholder')).toBe('Schreib etwas…');
    expect(field.labels?.[0]?.textContent).toBe('Nachricht');
    expect(screen.getByRole('button', { name: 'Senden' })).toBeTruthy();
  });

  it('drops its class names with `unstyled` and keeps the user className', () => {
    const { container } = render(
      <RealtimeProvider session={createFakeSession()}>
        <MessageComposer unstyled className="mine" />
      </RealtimeProvider>,
    );
    expect(container.querySelector('form')?.className).toBe('mine');
    expect(container.querySelector('[class*="rrk-"]')).toBeNull();
  });

  it('shows its state as data attributes', () => {
    const { field } = setup();
    const form = field.closest('form')!;
    expect(form.dataset.status).toBe('connected');
    expect(form.dataset.disabledReason).toBe('empty');
    type(field, 'x');
    expect(form.dataset.disabledReason).toBeUndefined();
  });
});
