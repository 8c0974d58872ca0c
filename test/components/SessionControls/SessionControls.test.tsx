import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionControls, useSessionControls } from '../../../src/components/index.ts';
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

describe('useSessionControls', () => {
  it("gives the main button's text for each status, from the labels given", () => {
    const session = createFakeSession();
    const { result } = renderHook(() =>
      useSessionControls({ session, labels: { connect: 'Talk', connecting: 'Dialing', disconnect: 'Hang up' } }),
    );
    expect(result.current.connectLabel).toBe('Talk');
    act(() => session.setState({ status: 'connecting' }));
    expect(result.current.connectLabel).toBe('Dialing');
    act(() => session.setState({ status: 'connected' }));
    expect(result.current.connectLabel).toBe('Hang up');
    act(() => session.setState({ status: 'error' }));
    expect(result.current.connectLabel).toBe('Talk');
  });
});
