import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useMessageComposer } from '../../../src/components/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';

afterEach(cleanup);

describe('useMessageComposer', () => {
  it('says why it cannot send: not connected first, then an empty field', () => {
    const session = createFakeSession();
    const { result } = renderHook(() => useMessageComposer({ session }));
    expect(result.current).toMatchObject({ canSend: false, disabledReason: 'not_connected', status: 'idle' });
    expect(result.current.reasonText).toBe('Start the session to send a message.');

    act(() => session.setState({ status: 'connected' }));
    expect(result.current).toMatchObject({ canSend: false, disabledReason: 'empty', reasonText: null });

    act(() => result.current.setValue('  hi '));
    expect(result.current).toMatchObject({ canSend: true, disabledReason: null, value: '  hi ' });

    let sent = false;
    act(() => {
      sent = result.current.send();
    });
    expect(sent).toBe(true);
    expect(session.calls).toContain('sendText:hi');
    expect(result.current.value).toBe('');
  });

  it('sends on a form submit (a submit button of your own), and the user onSubmit can cancel it', () => {
    const session = createFakeSession();
    session.setState({ status: 'connected' });
    const { result } = renderHook(() => useMessageComposer({ session, defaultValue: 'Yes' }));
    const submitEvent = () => {
      const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
      return event;
    };
    const userCancels = result.current.getFormProps({ onSubmit: (event) => event.preventDefault() });
    act(() => userCancels.onSubmit?.(submitEvent() as never));
    expect(session.calls).not.toContain('sendText:Yes');

    const event = submitEvent();
    act(() => result.current.getFormProps().onSubmit?.(event as never));
    expect(event.defaultPrevented).toBe(true); // no page navigation
    expect(session.calls).toContain('sendText:Yes');
  });

  it('uses the label function with the status, for "connecting"', () => {
    const session = createFakeSession();
    session.setState({ status: 'connecting' });
    const { result } = renderHook(() =>
      useMessageComposer({ session, labels: { notConnected: ({ status }) => `Wait (${status})` } }),
    );
    expect(result.current.reasonText).toBe('Wait (connecting)');
  });

  it('throws a clear error without a provider or a session', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderHook(() => useMessageComposer())).toThrow(/useMessageComposer: no realtime session.*RealtimeProvider/);
    error.mockRestore();
  });
});
