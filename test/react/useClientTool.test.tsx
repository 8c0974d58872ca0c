/**
 * useClientTool against `session.registerTool` (the contract): one registration while mounted,
 * the latest `execute` runs, a re-render registers again only when the declaration changed.
 */
import { act, render, renderHook } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import './helpers/autoCleanup.ts';
import type { AnyClientTool, ToolCallContext } from '../../src/core/session/types.ts';
import { useClientTool } from '../../src/react/index.ts';
import { createFakeSession, type FakeSession } from './helpers/createFakeSession.ts';
import { silenceRenderErrors } from './helpers/silenceRenderErrors.ts';
import { withSession } from './helpers/withSession.tsx';

/** A tool as `defineTool` shapes it, built by hand: these tests read only what the hook reads. */
function handMadeTool(
  execute: AnyClientTool['execute'],
  overrides: { name?: string; description?: string; timeoutMs?: number | null; frozen?: boolean } = {},
): AnyClientTool {
  const name = overrides.name ?? 'show_weather';
  const description = overrides.description ?? 'Show the weather for a city.';
  const tool: AnyClientTool = {
    name,
    description,
    parameters: z.object({ city: z.string() }),
    execute,
    timeoutMs: overrides.timeoutMs === undefined ? 30_000 : overrides.timeoutMs,
    // A new object each time, as an inline `defineTool` makes: the hook compares content.
    declaration: { type: 'function', name, description, parameters: { type: 'object', properties: { city: { type: 'string' } } } },
    '~runtime': () => {
      throw new Error('the fake session attaches no runtime');
    },
  };
  return overrides.frozen ? Object.freeze(tool) : tool;
}

/** The fake session, keeping what was registered and whether it is still registered. */
function recordingSession(): { session: FakeSession; live: AnyClientTool[] } {
  const session = createFakeSession();
  const live: AnyClientTool[] = [];
  const record = session.registerTool.bind(session);
  session.registerTool = (tool) => {
    live.push(tool);
    const unregister = record(tool);
    return () => {
      live.splice(live.indexOf(tool), 1);
      unregister();
    };
  };
  return { session, live };
}

const context = (): ToolCallContext => ({ signal: new AbortController().signal, callId: 'call_1', session: createFakeSession() });

describe('useClientTool', () => {
  it('registers the tool while mounted and removes it on unmount', () => {
    const { session, live } = recordingSession();
    const { unmount } = renderHook(() => useClientTool(handMadeTool(() => 'ok')), { wrapper: withSession(session) });
    expect(session.calls).toEqual(['registerTool:show_weather']);
    expect(live.map((tool) => tool.name)).toEqual(['show_weather']);
    unmount();
    expect(session.calls).toEqual(['registerTool:show_weather', 'unregisterTool:show_weather']);
    expect(live).toEqual([]);
  });

  it('ends StrictMode mounting with exactly one registration', () => {
    const { session, live } = recordingSession();
    function Tool() {
      useClientTool(handMadeTool(() => 'ok'));
      return null;
    }
    const Wrapper = withSession(session);
    const { unmount } = render(
      <StrictMode>
        <Wrapper>
          <Tool />
        </Wrapper>
      </StrictMode>,
    );
    expect(live).toHaveLength(1);
    unmount();
    expect(live).toHaveLength(0);
  });

  it('keeps one registration across re-renders of an inline tool, and runs the latest execute', async () => {
    const { session, live } = recordingSession();
    let setLabel: (label: string) => void = () => {};
    function Card() {
      const [label, set] = useState('first');
      setLabel = set;
      // A new tool object on every render, closing over this render's state.
      useClientTool(handMadeTool(({ city }: { city: string }) => `${label}: ${city}`));
      return null;
    }
    render(<Card />, { wrapper: withSession(session) });
    act(() => setLabel('second'));
    act(() => setLabel('third'));

    expect(session.calls).toEqual(['registerTool:show_weather']);
    expect(await live[0]!.execute({ city: 'Lisbon' }, context())).toBe('third: Lisbon');
  });

  it('registers again when the declaration changes (description, name), and only then', () => {
    const { session, live } = recordingSession();
    const { rerender } = renderHook(
      ({ description, name }: { description: string; name: string }) => useClientTool(handMadeTool(() => 'ok', { description, name })),
      { wrapper: withSession(session), initialProps: { description: 'Weather.', name: 'show_weather' } },
    );
    rerender({ description: 'Weather.', name: 'show_weather' });
    rerender({ description: 'Weather, in Celsius.', name: 'show_weather' });
    rerender({ description: 'Weather, in Celsius.', name: 'show_forecast' });

    expect(session.calls).toEqual([
      'registerTool:show_weather',
      'unregisterTool:show_weather',
      'registerTool:show_weather',
      'unregisterTool:show_weather',
      'registerTool:show_forecast',
    ]);
    expect(live.map((tool) => [tool.name, tool.description])).toEqual([['show_forecast', 'Weather, in Celsius.']]);
  });

  it('registers again when the timeout changes', () => {
    const { session, live } = recordingSession();
    const { rerender } = renderHook(({ timeoutMs }: { timeoutMs: number | null }) => useClientTool(handMadeTool(() => 'ok', { timeoutMs })), {
      wrapper: withSession(session),
      initialProps: { timeoutMs: 5000 as number | null },
    });
    rerender({ timeoutMs: null });
    expect(live.map((tool) => tool.timeoutMs)).toEqual([null]);
    expect(session.calls).toHaveLength(3);
  });

  it('keeps the registered tool as it was declared while a render changes the name (the session keys it by name)', () => {
    const { session, live } = recordingSession();
    const { rerender } = renderHook(({ name }: { name: string }) => useClientTool(handMadeTool(() => 'ok', { name })), {
      wrapper: withSession(session),
      initialProps: { name: 'first' },
    });
    const first = live[0]!;
    rerender({ name: 'second' });
    expect(first.name).toBe('first');
    expect(first.declaration.name).toBe('first');
  });

  it('copies a frozen tool (what defineTool may return) with every property, execute routed to the latest', async () => {
    const { session, live } = recordingSession();
    const tool = handMadeTool(() => 'frozen', { frozen: true });
    renderHook(() => useClientTool(tool), { wrapper: withSession(session) });
    const registered = live[0]!;
    expect(registered).not.toBe(tool);
    expect(registered['~runtime']).toBe(tool['~runtime']);
    expect(registered.parameters).toBe(tool.parameters);
    expect(registered.declaration).toBe(tool.declaration);
    expect(await registered.execute({ city: 'Porto' }, context())).toBe('frozen');
  });

  it('enabled: false removes the tool without unmounting, true registers it again', () => {
    const { session, live } = recordingSession();
    const { rerender } = renderHook(({ enabled }: { enabled: boolean }) => useClientTool(handMadeTool(() => 'ok'), { enabled }), {
      wrapper: withSession(session),
      initialProps: { enabled: true },
    });
    rerender({ enabled: false });
    expect(live).toEqual([]);
    rerender({ enabled: true });
    expect(live).toHaveLength(1);
    expect(session.calls).toEqual(['registerTool:show_weather', 'unregisterTool:show_weather', 'registerTool:show_weather']);
  });

  it('takes an explicit session, and moves the tool when the session changes', () => {
    const a = recordingSession();
    const b = recordingSession();
    const { rerender } = renderHook(({ session }: { session: FakeSession }) => useClientTool(handMadeTool(() => 'ok'), { session }), {
      initialProps: { session: a.session },
    });
    rerender({ session: b.session });
    expect(a.live).toEqual([]);
    expect(b.live).toHaveLength(1);
  });

  it('throws a clear error without a provider or a session', () => {
    const restore = silenceRenderErrors();
    try {
      expect(() => renderHook(() => useClientTool(handMadeTool(() => 'ok')))).toThrow(/useClientTool.*RealtimeProvider/);
    } finally {
      restore();
    }
  });
});
