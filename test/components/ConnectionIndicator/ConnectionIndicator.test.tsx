import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionIndicator } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';

afterEach(cleanup);

function setup(ui: React.ReactNode) {
  const session = createFakeSession();
  render(<RealtimeProvider session={session}>{ui}</RealtimeProvider>);
  return session;
}

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

describe('ConnectionIndicator markup', () => {
  it('renders one polite status span with the kit class and the raw status', () => {
    setup(<ConnectionIndicator />);
    expect(screen.getByRole('status').outerHTML).toBe(
      '<span role="status" aria-live="polite" class="rrk-connection-indicator" data-status="idle">Not connected</span>',
    );
  });

  it("lets the user's role, aria-live and className in, but keeps data-status and data-reason its own", () => {
    const session = setup(
      <ConnectionIndicator role="note" aria-live="off" className="mine" data-status="spoofed" data-reason="spoofed" />,
    );
    act(() => session.setState({ status: 'disconnected' }));
    act(() => session.setIdle({ phase: 'ended' }));
    const indicator = screen.getByRole('note');
    expect(indicator.getAttribute('aria-live')).toBe('off');
    expect(indicator.className).toBe('rrk-connection-indicator mine');
    expect(indicator.dataset).toMatchObject({ status: 'disconnected', reason: 'idle' });
  });

  it('drops the kit class when unstyled and the error message when showError is false', () => {
    const session = setup(<ConnectionIndicator unstyled showError={false} />);
    act(() => session.setState({ status: 'error', error: { source: 'transport', code: 'x', message: 'boom' } }));
    const indicator = screen.getByRole('status');
    expect(indicator.hasAttribute('class')).toBe(false);
    expect(indicator.textContent).toBe('Connection error');
  });
});
