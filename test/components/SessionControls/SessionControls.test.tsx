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

describe('SessionControls icons', () => {
  const iconOf = (button: HTMLElement) => button.querySelector('svg');

  it('puts a decorative icon before each name, the name unchanged', async () => {
    const session = setup(<SessionControls />);
    const start = screen.getByRole('button', { name: 'Start session' });
    expect(iconOf(start)?.getAttribute('aria-hidden')).toBe('true');
    expect(iconOf(start)?.getAttribute('focusable')).toBe('false');
    expect(start.textContent).toBe('Start session');
    const startIcon = iconOf(start)?.innerHTML;
    await act(async () => {
      await session.connect();
    });
    // The same button now ends the call: a different icon (a handset put down).
    const end = screen.getByRole('button', { name: 'End session' });
    expect(iconOf(end)?.getAttribute('aria-hidden')).toBe('true');
    expect(iconOf(end)?.innerHTML).not.toBe(startIcon);
  });

  it('strikes the microphone through while muted', async () => {
    const session = setup(<SessionControls />);
    await act(async () => {
      await session.connect();
    });
    const mute = screen.getByRole('button', { name: 'Mute microphone' });
    const live = iconOf(mute)?.innerHTML;
    fireEvent.click(mute);
    expect(mute.getAttribute('aria-pressed')).toBe('true');
    expect(iconOf(mute)?.innerHTML).not.toBe(live);
    fireEvent.click(mute);
    expect(iconOf(mute)?.innerHTML).toBe(live);
  });

  it('leaves the icons out with showIcons={false}, and the label span unclassed when unstyled', () => {
    setup(<SessionControls showIcons={false} unstyled />);
    const start = screen.getByRole('button', { name: 'Start session' });
    expect(iconOf(start)).toBeNull();
    expect(start.querySelector('span')?.hasAttribute('class')).toBe(false);
  });
});
