import { act, render, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import './helpers/autoCleanup.ts';
import { createRealtimeSession, defineServerEvents } from '../../src/core/session/index.ts';
import { RealtimeProvider } from '../../src/react/index.ts';
import { useRealtimeEvents } from '../../src/react/useRealtimeEvents.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { withSession } from './helpers/withSession.tsx';

const serverEvents = defineServerEvents({
  'conversation.item.summary_ready': z.object({ item_id: z.string(), summary: z.string() }),
});
const summary = (text: string) => ({ type: 'conversation.item.summary_ready', event_id: 'e1', item_id: 'u1', summary: text });

describe('custom server events in React', () => {
  it('useRealtimeEvents delivers a registered event, typed, from an explicit session', async () => {
    const transport = createMockTransport();
    const session = createRealtimeSession({ transport, serverEvents });
    await session.connect();
    const seen: string[] = [];
    const errors: string[] = [];
    const { unmount } = renderHook(() => {
      useRealtimeEvents('conversation.item.summary_ready', (event) => seen.push(event.summary), { session });
      useRealtimeEvents('error', (event) => errors.push(event.error.code), { session });
    });
    act(() => {
      transport.emit(summary('first'));
      transport.emit({ ...summary('bad'), summary: 42 });
    });
    expect(seen).toEqual(['first']);
    expect(errors).toEqual(['invalid_custom_server_event']);
    unmount();
    act(() => transport.emit(summary('after unmount')));
    expect(seen).toEqual(['first']);
  });

  it("the provider's own session takes serverEvents as an option", async () => {
    const transport = createMockTransport();
    const seen: unknown[] = [];
    function Summary() {
      useRealtimeEvents('*', (event) => {
        if ((event.type as string) === 'conversation.item.summary_ready') seen.push(event);
      });
      return null;
    }
    await act(async () => {
      render(
        <RealtimeProvider transport={transport} serverEvents={serverEvents} autoConnect>
          <Summary />
        </RealtimeProvider>,
      );
    });
    act(() => transport.emit(summary('hello')));
    expect(seen).toEqual([{ type: 'conversation.item.summary_ready', item_id: 'u1', summary: 'hello' }]);
  });

  it('a session with custom events works in a provider given the session', async () => {
    const transport = createMockTransport();
    const session = createRealtimeSession({ transport, serverEvents });
    await session.connect();
    const seen: string[] = [];
    renderHook(() => useRealtimeEvents('conversation.item.summary_ready', (event) => seen.push(event.item_id), { session }), {
      wrapper: withSession(session),
    });
    act(() => transport.emit(summary('x')));
    expect(seen).toEqual(['u1']);
  });
});
