import { act, render, renderHook } from '@testing-library/react';
import * as React from 'react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import './helpers/autoCleanup.ts';
import { silenceRenderErrors } from './helpers/silenceRenderErrors.ts';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import type { RealtimeSession } from '../../src/core/session/types.ts';
import { RealtimeProvider, useMaybeRealtimeSession, useRealtimeSession } from '../../src/react/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';

const connects = (transport: ReturnType<typeof createMockTransport>) =>
  transport.calls.filter((call) => call.method === 'connect').length;
const closes = (transport: ReturnType<typeof createMockTransport>) =>
  transport.calls.filter((call) => call.method === 'close').length;

/** Let queued microtasks (the provider's deferred close, the mock's handshake) run. */
const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
});

function SessionProbe({ onSession }: { onSession: (session: RealtimeSession | undefined) => void }) {
  onSession(useMaybeRealtimeSession());
  return null;
}

describe('RealtimeProvider owning its session', () => {
  it('connects once and closes once under StrictMode', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock });
    let session: RealtimeSession | undefined;
    const { unmount } = render(
      <StrictMode>
        <RealtimeProvider transport={transport} clock={clock} autoConnect>
          <SessionProbe onSession={(s) => (session = s)} />
        </RealtimeProvider>
      </StrictMode>,
    );
    await settle();
    expect(connects(transport)).toBe(1);
    expect(transport.connected).toBe(true);
    expect(session?.getState().status).toBe('connected');
    expect(closes(transport)).toBe(0);

    unmount();
    await settle();
    expect(closes(transport)).toBe(1);
    expect(transport.connected).toBe(false);
    expect(connects(transport)).toBe(1);
  });

  it('leaves nothing open when unmounted while connecting', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock, connectDelayMs: 500 });
    const { unmount } = render(
      <StrictMode>
        <RealtimeProvider transport={transport} clock={clock} autoConnect />
      </StrictMode>,
    );
    await settle();
    expect(connects(transport)).toBe(1);
    unmount();
    await settle();
    act(() => clock.advance(1000));
    await settle();
    expect(transport.connected).toBe(false);
    expect(connects(transport)).toBe(1);
    // Nothing still waits on the clock (no retry, no pending handshake).
    expect(clock.pending()).toBe(0);
  });

  it('does not connect without autoConnect, and connects through the actions', async () => {
    const transport = createMockTransport();
    const { result } = renderHook(() => useRealtimeSession(), {
      wrapper: ({ children }: { children?: ReactNode }) => (
        <RealtimeProvider transport={transport}>{children}</RealtimeProvider>
      ),
    });
    await settle();
    expect(connects(transport)).toBe(0);
    expect(result.current.status).toBe('idle');
    await act(() => result.current.connect());
    expect(result.current.status).toBe('connected');
    expect(transport.connected).toBe(true);
  });

  // React 19.2's <Activity mode="hidden"> runs effect cleanups but keeps state: the provider
  // closes its session while hidden and reconnects the same session when shown again.
  const Activity = (React as unknown as { Activity?: React.ComponentType<{ mode: 'visible' | 'hidden'; children?: ReactNode }> })
    .Activity;
  it.runIf(Activity)('closes while hidden in <Activity> and reconnects when visible', async () => {
    if (!Activity) return;
    const transport = createMockTransport();
    const tree = (mode: 'visible' | 'hidden') => (
      <Activity mode={mode}>
        <RealtimeProvider transport={transport} autoConnect />
      </Activity>
    );
    const { rerender } = render(tree('visible'));
    await settle();
    expect(transport.connected).toBe(true);
    rerender(tree('hidden'));
    await settle();
    expect(transport.connected).toBe(false);
    rerender(tree('visible'));
    await settle();
    expect(transport.connected).toBe(true);
    expect(connects(transport)).toBe(2);
    expect(closes(transport)).toBe(1);
  });

  it('throws a clear error without a session or a transport', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const silence = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', silence);
    try {
      // @ts-expect-error: neither `session` nor `transport`
      expect(() => render(<RealtimeProvider />)).toThrow(/session.*transport/);
    } finally {
      window.removeEventListener('error', silence);
      consoleError.mockRestore();
    }
  });
});

describe('RealtimeProvider with a given session', () => {
  it('never closes a session it does not own', async () => {
    const transport = createMockTransport();
    const session = createRealtimeSession({ transport });
    const { unmount } = render(
      <StrictMode>
        <RealtimeProvider session={session} autoConnect />
      </StrictMode>,
    );
    await settle();
    expect(connects(transport)).toBe(1);
    unmount();
    await settle();
    expect(closes(transport)).toBe(0);
    expect(session.getState().status).toBe('connected');
    session.disconnect();
  });

  it('keeps action identities when the session prop changes, and acts on the new session', async () => {
    const first = createRealtimeSession({ transport: createMockTransport() });
    const second = createRealtimeSession({ transport: createMockTransport() });
    const handles: ReturnType<typeof useRealtimeSession>[] = [];
    function Capture({ onHandle }: { onHandle: (handle: ReturnType<typeof useRealtimeSession>) => void }) {
      onHandle(useRealtimeSession());
      return null;
    }
    const tree = (session: RealtimeSession) => (
      <RealtimeProvider session={session}>
        <Capture onHandle={(handle) => handles.push(handle)} />
      </RealtimeProvider>
    );
    const { rerender } = render(tree(first));
    const latest = () => handles[handles.length - 1]!;
    const { connect, sendText } = latest();
    rerender(tree(second));
    expect(latest().session).toBe(second);
    expect(latest().connect).toBe(connect);
    expect(latest().sendText).toBe(sendText);
    await act(() => latest().connect());
    expect(second.getState().status).toBe('connected');
    expect(first.getState().status).toBe('idle');
    second.disconnect();
  });
});

describe('RealtimeProvider props that change after mount', () => {
  it('throws a clear error when switching from a given session to an owned one', () => {
    const session = createRealtimeSession({ transport: createMockTransport() });
    const transport = createMockTransport();
    const { rerender } = render(<RealtimeProvider session={session} />);
    const restore = silenceRenderErrors();
    try {
      expect(() => rerender(<RealtimeProvider transport={transport} />)).toThrow(
        /switching from a given `session` to `transport`.*not supported.*`key`/,
      );
    } finally {
      restore();
    }
  });

  it('throws a clear error when switching from an owned session to a given one', () => {
    const session = createRealtimeSession({ transport: createMockTransport() });
    const { rerender } = render(<RealtimeProvider transport={createMockTransport()} />);
    const restore = silenceRenderErrors();
    try {
      expect(() => rerender(<RealtimeProvider session={session} />)).toThrow(
        /switching from `transport`.*to a given `session` is not supported/,
      );
    } finally {
      restore();
    }
  });

  it('warns once in development when the options of an owned session change', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const transport = createMockTransport();
      const { rerender } = render(
        <RealtimeProvider transport={transport} config={{ instructions: 'Be brief.' }} idle={{ timeoutMs: 8000 }} />,
      );
      // Inline literals with the same content are not a change.
      rerender(<RealtimeProvider transport={transport} config={{ instructions: 'Be brief.' }} idle={{ timeoutMs: 8000 }} />);
      expect(warn).not.toHaveBeenCalled();
      rerender(<RealtimeProvider transport={createMockTransport()} config={{ instructions: 'Be brief.' }} idle={{ timeoutMs: 9000 }} />);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toMatch(/`transport`, `idle` changed after mount.*`key`.*updateSession.*setIdlePolicy/);
      rerender(<RealtimeProvider transport={transport} config={{ instructions: 'Other' }} />);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('does not warn for a given session that changes', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { rerender } = render(<RealtimeProvider session={createRealtimeSession({ transport: createMockTransport() })} />);
      rerender(<RealtimeProvider session={createRealtimeSession({ transport: createMockTransport() })} />);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('RealtimeProvider tools', () => {
  it('declares the `tools` prop on connect and answers calls to them', async () => {
    const { defineTool } = await import('../../src/core/session/tools/defineTool.ts');
    const { z } = await import('zod/mini');
    const execute = vi.fn(({ city }: { city: string }) => ({ city, tempC: 21 }));
    const weather = defineTool({ name: 'get_weather', description: 'Weather for a city.', parameters: z.object({ city: z.string() }), execute });
    const transport = createMockTransport();
    render(<RealtimeProvider transport={transport} tools={[weather]} autoConnect />);
    await settle();
    const declared = transport.sentOfType('session.update').flatMap((event) => event.session.tools ?? []);
    expect(declared).toEqual([expect.objectContaining({ type: 'function', name: 'get_weather' })]);

    await act(async () => {
      transport.emit({ type: 'response.created', event_id: 'e1', response: { id: 'resp_1', object: 'realtime.response', status: 'in_progress', output: [] } });
      transport.emit({
        type: 'response.function_call_arguments.done',
        event_id: 'e2',
        response_id: 'resp_1',
        item_id: 'fc_1',
        output_index: 0,
        call_id: 'call_1',
        name: 'get_weather',
        arguments: '{"city":"Paris"}',
      });
    });
    await settle();
    expect(execute).toHaveBeenCalledWith({ city: 'Paris' }, expect.objectContaining({ callId: 'call_1' }));
    const outputs = transport.sentOfType('conversation.item.create').map((event) => event.item);
    expect(outputs).toEqual([{ type: 'function_call_output', call_id: 'call_1', output: '{"city":"Paris","tempC":21}' }]);
  });

  it('does not warn for an inline array of the same tools, and warns when the tools change', async () => {
    const { defineTool } = await import('../../src/core/session/tools/defineTool.ts');
    const { z } = await import('zod/mini');
    const make = (name: string) => defineTool({ name, description: name, parameters: z.object({}), execute: () => 'ok' });
    const a = make('a');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const transport = createMockTransport();
      const { rerender } = render(<RealtimeProvider transport={transport} tools={[a]} />);
      rerender(<RealtimeProvider transport={transport} tools={[a]} />);
      expect(warn).not.toHaveBeenCalled();
      rerender(<RealtimeProvider transport={transport} tools={[a, make('b')]} />);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toMatch(/`tools` changed after mount.*useClientTool/);
    } finally {
      warn.mockRestore();
    }
  });
});
