import { act, render, renderHook } from '@testing-library/react';
import { Profiler, StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import './helpers/autoCleanup.ts';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import { RealtimeProvider, useApprovalRequests } from '../../src/react/index.ts';
import type { ApprovalRequestsHandle } from '../../src/react/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { silenceRenderErrors } from './helpers/silenceRenderErrors.ts';

let eventCounter = 0;
const wire = (type: string, fields: Record<string, unknown>) => ({ type, event_id: `ev_${++eventCounter}`, ...fields });
const requestItem = (id: string, name = 'delete_branch') => ({
  id,
  object: 'realtime.item',
  type: 'mcp_approval_request',
  server_label: 'github',
  name,
  arguments: '{"branch":"old"}',
});

async function connectedSession() {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock });
  const session = createRealtimeSession({ transport, clock });
  await act(() => session.connect());
  const ask = (id: string, name?: string) =>
    act(() => {
      transport.emit(wire('conversation.item.added', { item: requestItem(id, name) }));
      transport.emit(wire('conversation.item.done', { item: requestItem(id, name) }));
    });
  return { clock, transport, session, ask };
}

describe('useApprovalRequests', () => {
  it('lists the pending requests oldest first, and follows answers', async () => {
    const { session, transport, ask } = await connectedSession();
    const { result } = renderHook(() => useApprovalRequests({ session }));
    expect(result.current.approvals).toEqual([]);
    await ask('mcpr_1');
    await ask('mcpr_2', 'merge');
    expect(result.current.approvals.map((request) => [request.id, request.name])).toEqual([
      ['mcpr_1', 'delete_branch'],
      ['mcpr_2', 'merge'],
    ]);
    act(() => result.current.deny('mcpr_1', 'Not today'));
    act(() => result.current.approve('mcpr_2'));
    expect(result.current.approvals).toEqual([]);
    expect(transport.sentOfType('conversation.item.create').map((event) => event.item)).toEqual([
      { type: 'mcp_approval_response', approval_request_id: 'mcpr_1', approve: false, reason: 'Not today' },
      { type: 'mcp_approval_response', approval_request_id: 'mcpr_2', approve: true },
    ]);
  });

  it('respond(id, approve, reason) passes all three through', async () => {
    const { session, transport, ask } = await connectedSession();
    const { result } = renderHook(() => useApprovalRequests({ session }));
    await ask('mcpr_1');
    act(() => result.current.respond('mcpr_1', false, 'Wrong repo'));
    expect(transport.sentOfType('conversation.item.create')[0]?.item).toEqual({
      type: 'mcp_approval_response',
      approval_request_id: 'mcpr_1',
      approve: false,
      reason: 'Wrong repo',
    });
  });

  it('re-renders only when the list changes: not for a streaming reply, not for unrelated state', async () => {
    const { session, transport, ask } = await connectedSession();
    let renders = 0;
    let handle: ApprovalRequestsHandle | undefined;
    function Approvals() {
      handle = useApprovalRequests();
      return <p>{handle.approvals.length}</p>;
    }
    render(
      <RealtimeProvider session={session}>
        <Profiler id="approvals" onRender={() => renders++}>
          <Approvals />
        </Profiler>
      </RealtimeProvider>,
    );
    renders = 0;
    await ask('mcpr_1');
    expect(renders).toBe(1);
    const first = handle;
    act(() => {
      transport.emit(wire('response.created', { response: { id: 'resp_1', object: 'realtime.response', status: 'in_progress', output: [] } }));
      transport.emit(
        wire('conversation.item.added', {
          item: { id: 'item_a', object: 'realtime.item', type: 'message', role: 'assistant', status: 'in_progress', content: [] },
        }),
      );
      for (let i = 0; i < 50; i++) {
        transport.emit(
          wire('response.output_audio_transcript.delta', { response_id: 'resp_1', item_id: 'item_a', output_index: 0, content_index: 0, delta: `w${i} ` }),
        );
      }
      session.setMuted(true);
    });
    expect(renders).toBe(1);
    // Nothing changed for it: the same handle object, so memoized children stay quiet too.
    expect(handle).toBe(first);
    act(() => handle!.approve('mcpr_1'));
    expect(renders).toBe(2);
  });

  it('keeps the handle across renders, and the action identities across changes of the list', async () => {
    const { session, ask } = await connectedSession();
    const { result, rerender } = renderHook(() => useApprovalRequests({ session }));
    const { respond, approve, deny } = result.current;
    // A render for another reason hands back the same object.
    const before = result.current;
    rerender();
    expect(result.current).toBe(before);
    await ask('mcpr_1');
    await ask('mcpr_2');
    act(() => result.current.approve('mcpr_1'));
    expect(result.current.respond).toBe(respond);
    expect(result.current.approve).toBe(approve);
    expect(result.current.deny).toBe(deny);
  });

  it('works under StrictMode with the provider', async () => {
    const { session, ask } = await connectedSession();
    function Names() {
      const { approvals } = useApprovalRequests();
      return <p data-testid="names">{approvals.map((request) => request.name).join(',')}</p>;
    }
    const { getByTestId } = render(
      <StrictMode>
        <RealtimeProvider session={session}>
          <Names />
        </RealtimeProvider>
      </StrictMode>,
    );
    await ask('mcpr_1', 'search');
    expect(getByTestId('names').textContent).toBe('search');
    act(() => session.disconnect());
    expect(getByTestId('names').textContent).toBe('');
  });

  it('throws an error naming RealtimeProvider without a session', () => {
    const restore = silenceRenderErrors();
    try {
      expect(() => renderHook(() => useApprovalRequests())).toThrow(/useApprovalRequests.*RealtimeProvider/);
    } finally {
      restore();
    }
  });
});
