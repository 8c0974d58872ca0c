import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import './helpers/autoCleanup.ts';
import { useConnectionState } from '../../src/react/useConnectionState.ts';
import { useIdleCountdown } from '../../src/react/useIdleCountdown.ts';
import { useIdleTimeout } from '../../src/react/useIdleTimeout.ts';
import { useMaybeRealtimeSession } from '../../src/react/useMaybeRealtimeSession.ts';
import { useRealtimeEvents } from '../../src/react/useRealtimeEvents.ts';
import { useRealtimeSession } from '../../src/react/useRealtimeSession.ts';
import { useRealtimeState } from '../../src/react/useRealtimeState.ts';
import { useTranscript } from '../../src/react/useTranscript.ts';
import { createFakeSession } from './helpers/createFakeSession.ts';
import { withSession } from './helpers/withSession.tsx';

const hooks: Record<string, () => unknown> = {
  useRealtimeSession: () => useRealtimeSession(),
  useConnectionState: () => useConnectionState(),
  useRealtimeEvents: () => useRealtimeEvents('*', () => {}),
  useIdleTimeout: () => useIdleTimeout(),
  useIdleCountdown: () => useIdleCountdown(),
  useTranscript: () => useTranscript(),
  useRealtimeState: () => useRealtimeState((s) => s.status),
};

describe('without a provider or an explicit session', () => {
  for (const [name, hook] of Object.entries(hooks)) {
    it(`${name} throws an error naming RealtimeProvider and the hook`, () => {
      // React logs the error of a failed render; keep the output readable.
      const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
      // React 18 also rethrows render errors through a window `error` event in development.
      const silence = (event: ErrorEvent) => event.preventDefault();
      window.addEventListener('error', silence);
      try {
        expect(() => renderHook(hook)).toThrow(/RealtimeProvider/);
        expect(() => renderHook(hook)).toThrow(name);
      } finally {
        window.removeEventListener('error', silence);
        consoleError.mockRestore();
      }
    });
  }

  it('useMaybeRealtimeSession returns undefined, and the session under a provider', () => {
    expect(renderHook(() => useMaybeRealtimeSession()).result.current).toBeUndefined();
    const session = createFakeSession();
    expect(renderHook(() => useMaybeRealtimeSession(), { wrapper: withSession(session) }).result.current).toBe(session);
  });

  it('every hook works with an explicit session', () => {
    const session = createFakeSession();
    const { result } = renderHook(() => {
      useRealtimeEvents('*', () => {}, { session });
      return [
        useRealtimeSession({ session }).status,
        useConnectionState({ session }).status,
        useIdleTimeout({ session }).phase,
        useIdleCountdown({ session }),
        useTranscript({ session }).items.length,
        useRealtimeState((s) => s.muted, { session }),
      ];
    });
    expect(result.current).toEqual(['idle', 'idle', 'off', null, 0, false]);
  });
});
