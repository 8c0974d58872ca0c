import { cleanup, render, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleBanner, useIdleBanner } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';
import { silenceRenderErrors } from '../../react/helpers/silenceRenderErrors.ts';

afterEach(cleanup);

describe('useIdleBanner without a session', () => {
  it('throws an error naming useIdleBanner and RealtimeProvider', () => {
    const restore = silenceRenderErrors();
    try {
      expect(() => renderHook(() => useIdleBanner())).toThrow(/^useIdleBanner: .*<RealtimeProvider>/);
    } finally {
      restore();
    }
  });

  it('throws the same error from <IdleBanner> outside a provider', () => {
    const restore = silenceRenderErrors();
    try {
      expect(() => render(<IdleBanner />)).toThrow(/^useIdleBanner: /);
    } finally {
      restore();
    }
  });

  it('works with an explicit session and no provider', () => {
    const session = createFakeSession();
    const { result } = renderHook(() => useIdleBanner({ session }));
    expect(result.current.session).toBe(session);
    expect(result.current.state.open).toBe(false);
  });

  it('works inside a provider', () => {
    const session = createFakeSession();
    const { result } = renderHook(() => useIdleBanner(), {
      wrapper: ({ children }) => <RealtimeProvider session={session}>{children}</RealtimeProvider>,
    });
    expect(result.current.session).toBe(session);
  });
});
