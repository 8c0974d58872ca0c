// @vitest-environment node
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import { RealtimeProvider, useApprovalRequests } from '../../src/react/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';

describe('useApprovalRequests on the server', () => {
  it('renders the current requests in Node, without a DOM', async () => {
    expect(typeof document).toBe('undefined');
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock });
    const session = createRealtimeSession({ transport, clock });
    await session.connect();
    transport.emit({
      type: 'conversation.item.done',
      event_id: 'ev_1',
      item: { id: 'mcpr_1', type: 'mcp_approval_request', server_label: 'docs', name: 'search', arguments: '{}' },
    });
    function Pending() {
      const { approvals } = useApprovalRequests();
      return createElement('p', null, approvals.map((request) => `${request.serverLabel}/${request.name}`).join(','));
    }
    const html = renderToString(createElement(RealtimeProvider, { session }, createElement(Pending)));
    expect(html).toBe('<p>docs/search</p>');
  });
});
