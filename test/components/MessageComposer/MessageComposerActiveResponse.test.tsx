/**
 * A message typed while the assistant is still answering is answered too: the server refuses a
 * second active response, so the session asks for its answer when the running one is done.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageComposer } from '../../../src/components/index.ts';
import { createRealtimeSession } from '../../../src/core/session/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createMockTransport } from '../../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../../src/testing/createVirtualClock.ts';
import { response, wire } from '../../core/session/helpers.ts';

afterEach(cleanup);

describe('MessageComposer while a response runs', () => {
  it('sends the message at once and asks for its answer when the running response is done', async () => {
    const clock = createVirtualClock(1000);
    const transport = createMockTransport({ clock });
    const session = createRealtimeSession({ transport, clock });
    await session.connect();
    render(
      <RealtimeProvider session={session}>
        <MessageComposer />
      </RealtimeProvider>,
    );
    act(() => {
      transport.emit(wire('response.created', { response: response('resp_1') }));
    });
    const field = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    fireEvent.change(field, { target: { value: 'Actually, make it Tuesday' } });
    fireEvent.keyDown(field, { key: 'Enter' });

    const types = () => transport.sent.map((event) => event.type);
    expect(field.value).toBe('');
    expect(types()).toEqual(['conversation.item.create']);
    act(() => {
      transport.emit(wire('response.done', { response: response('resp_1', 'completed') }));
    });
    expect(types()).toEqual(['conversation.item.create', 'response.create']);
    expect(session.getState().agentState).toBe('thinking');
  });
});
