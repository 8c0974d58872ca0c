// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ToolApproval } from '../../../src/components/index.ts';
import { createRealtimeSession } from '../../../src/core/session/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createMockTransport } from '../../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../../src/testing/createVirtualClock.ts';

describe('ToolApproval on the server', () => {
  it('renders a pending request to a string, escaped, without a DOM and without warnings', async () => {
    expect(typeof document).toBe('undefined');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock });
    const session = createRealtimeSession({ transport, clock });
    await session.connect();
    transport.emit({
      type: 'conversation.item.done',
      event_id: 'ev_1',
      item: { id: 'mcpr_1', type: 'mcp_approval_request', server_label: 'github', name: 'delete_branch', arguments: '{"note":"<img src=x>"}' },
    });
    const html = renderToString(
      <RealtimeProvider session={session}>
        <ToolApproval />
      </RealtimeProvider>,
    );
    expect(html).toContain('role="group"');
    expect(html).toContain('Allow delete_branch?');
    expect(html).toContain('&quot;note&quot;: &quot;&lt;img src=x&gt;&quot;');
    expect(html).not.toContain('<img');
    expect(html).toContain('aria-label="Approve delete_branch"');
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
