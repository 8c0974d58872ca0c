import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionIndicator, SessionControls } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';

afterEach(cleanup);

function setup(ui: React.ReactNode) {
  const session = createFakeSession();
  render(<RealtimeProvider session={session}>{ui}</RealtimeProvider>);
  return session;
}

describe('SessionControls', () => {
  it('connects, then disconnects, with the toolbar labels following the status', async () => {
    const session = setup(<SessionControls />);
    const mute = screen.getByRole('button', { name: 'Mute microphone' }) as HTMLButtonElement;
    expect(mute.disabled).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start session' }));
    });
    expect(session.calls).toContain('connect');
    expect(session.getState().status).toBe('connected');
    fireEvent.click(screen.getByRole('button', { name: 'End session' }));
    expect(session.calls).toContain('disconnect');
    expect(screen.getByRole('button', { name: 'Start session' })).toBeTruthy();
  });

  it('toggles mute with aria-pressed', async () => {
    const session = setup(<SessionControls />);
    await act(async () => {
      await session.connect();
    });
    const mute = screen.getByRole('button', { name: 'Mute microphone' });
    expect(mute.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(mute);
    expect(session.calls).toContain('setMuted:true');
    expect(mute.getAttribute('aria-pressed')).toBe('true');
  });

  it("lets the user's handler run first and cancel", () => {
    const session = setup(<SessionControls onConnectClick={(event) => event.preventDefault()} labels={{ connect: 'Talk' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Talk' }));
    expect(session.calls).not.toContain('connect');
  });
});

describe('ConnectionIndicator', () => {
  it('shows the status as a word and a data attribute, translated on request', () => {
    const session = setup(<ConnectionIndicator labels={{ connected: 'Live' }} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Not connected');
    expect(status.dataset.status).toBe('idle');
    act(() => session.setState({ status: 'connected' }));
    expect(status.textContent).toBe('Live');
    act(() =>
      session.setState({ status: 'error', error: { source: 'transport', code: 'ice_failed', message: '<b>ICE</b> failed' } }),
    );
    expect(status.textContent).toBe('Connection error: <b>ICE</b> failed');
    expect(status.querySelector('b')).toBeNull();
  });

  it('says the idle policy ended the session, and only then', () => {
    const session = setup(<ConnectionIndicator />);
    const status = screen.getByRole('status');
    act(() => session.setState({ status: 'disconnected' }));
    expect(status.textContent).toBe('Disconnected');
    expect(status.dataset.reason).toBeUndefined();
    act(() => session.setIdle({ phase: 'ended' }));
    expect(status.textContent).toBe('Ended after no reply');
    expect(status.dataset).toMatchObject({ status: 'disconnected', reason: 'idle' });
    act(() => session.setState({ status: 'connecting' }));
    expect(status.textContent).toBe('Connecting…');
  });
});
