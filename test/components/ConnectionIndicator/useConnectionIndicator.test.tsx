import { act, cleanup, render, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionIndicator, defaultConnectionIndicatorLabels, useConnectionIndicator } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';
import type { FakeSession } from '../../react/helpers/createFakeSession.ts';
import { silenceRenderErrors } from '../../react/helpers/silenceRenderErrors.ts';
import type { UseConnectionIndicatorOptions } from '../../../src/components/index.ts';

afterEach(cleanup);

function renderIndicator(session: FakeSession, options: UseConnectionIndicatorOptions = {}) {
  return renderHook(() => useConnectionIndicator(options), {
    wrapper: ({ children }) => <RealtimeProvider session={session}>{children}</RealtimeProvider>,
  });
}

const iceFailed = { source: 'transport', code: 'ice_failed', message: 'ICE failed' } as const;

describe('useConnectionIndicator', () => {
  it('returns the status, its label and the props the indicator renders', () => {
    const session = createFakeSession();
    const { result } = renderIndicator(session, { labels: { connected: 'Live' } });
    expect(result.current).toMatchObject({
      status: 'idle',
      label: 'Not connected',
      errorMessage: null,
      endedForInactivity: false,
      rootProps: { role: 'status', 'aria-live': 'polite', 'data-status': 'idle', 'data-reason': undefined },
    });
    expect(result.current.labels).toEqual({ ...defaultConnectionIndicatorLabels, connected: 'Live' });
    act(() => session.setState({ status: 'connected' }));
    expect(result.current.label).toBe('Live');
    expect(result.current.rootProps['data-status']).toBe('connected');
  });

  it("gives the error's message only in status error, and none with showError: false", () => {
    const session = createFakeSession();
    const shown = renderIndicator(session);
    const hidden = renderIndicator(session, { showError: false });
    act(() => session.setState({ status: 'error', error: iceFailed }));
    expect(shown.result.current).toMatchObject({ label: 'Connection error', errorMessage: 'ICE failed' });
    expect(hidden.result.current).toMatchObject({ label: 'Connection error', errorMessage: null, error: iceFailed });
    // An error kept from before a reconnect is not shown next to "Connecting…".
    act(() => session.setState({ status: 'connecting' }));
    expect(shown.result.current).toMatchObject({ label: 'Connecting…', errorMessage: null, error: iceFailed });
  });

  it('reads an idle ending as its own label and data-reason, only while disconnected', () => {
    const session = createFakeSession();
    const { result } = renderIndicator(session, { labels: { endedForInactivity: 'Timed out' } });
    act(() => session.setIdle({ phase: 'ended' }));
    expect(result.current.endedForInactivity).toBe(false);
    act(() => session.setState({ status: 'disconnected' }));
    expect(result.current).toMatchObject({ endedForInactivity: true, label: 'Timed out' });
    expect(result.current.rootProps['data-reason']).toBe('idle');
  });

  it('reads an explicit session without a provider', () => {
    const session = createFakeSession();
    const { result } = renderHook(() => useConnectionIndicator({ session }));
    act(() => session.setState({ status: 'connected' }));
    expect(result.current.label).toBe('Connected');
  });

  it('names itself and RealtimeProvider when there is no session, from the hook and the component', () => {
    const restore = silenceRenderErrors();
    try {
      expect(() => renderHook(() => useConnectionIndicator())).toThrow(/^useConnectionIndicator: .*<RealtimeProvider>/);
      expect(() => render(<ConnectionIndicator />)).toThrow(/^useConnectionIndicator: /);
    } finally {
      restore();
    }
  });
});
