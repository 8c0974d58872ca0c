import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToolApproval, useToolApproval } from '../../../src/components/index.ts';
import { createRealtimeSession } from '../../../src/core/session/index.ts';
import type { McpApprovalRequest, RealtimeSession } from '../../../src/core/session/types.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createMockTransport } from '../../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../../src/testing/createVirtualClock.ts';

afterEach(cleanup);

let eventCounter = 0;
const wire = (type: string, fields: Record<string, unknown>) => ({ type, event_id: `ev_${++eventCounter}`, ...fields });

async function connected() {
  const clock = createVirtualClock();
  const transport = createMockTransport({ clock });
  const session = createRealtimeSession({ transport, clock });
  await act(() => session.connect());
  const ask = (id: string, fields: Partial<{ server_label: string; name: string; arguments: string }> = {}) =>
    act(() => {
      transport.emit(
        wire('conversation.item.done', {
          item: { id, type: 'mcp_approval_request', server_label: 'github', name: 'delete_branch', arguments: '{"branch":"old"}', ...fields },
        }),
      );
    });
  const answers = () =>
    transport.sentOfType('conversation.item.create').map((event) => {
      const item = event.item as { approval_request_id?: string; approve?: boolean; reason?: string };
      return [item.approval_request_id, item.approve, ...(item.reason !== undefined ? [item.reason] : [])];
    });
  return { session, transport, ask, answers };
}

function renderIn(session: RealtimeSession, ui: ReactNode) {
  return render(<RealtimeProvider session={session}>{ui}</RealtimeProvider>);
}

const root = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-count]')!;

describe('ToolApproval', () => {
  it('shows nothing while none is pending: an empty polite live region only', async () => {
    const { session } = await connected();
    const { container } = renderIn(session, <ToolApproval />);
    expect(root(container).dataset.state).toBe('closed');
    expect(root(container).dataset.count).toBe('0');
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(root(container).textContent).toBe('');
  });

  it('shows the tool, the server and the arguments, with buttons named with the tool', async () => {
    const { session, ask } = await connected();
    const { container } = renderIn(session, <ToolApproval />);
    await ask('mcpr_1');
    expect(root(container).dataset.state).toBe('open');
    const prompt = screen.getByRole('group', { name: 'Allow delete_branch?' });
    expect(prompt.getAttribute('aria-describedby')).toBe(screen.getByText('Requested by the github MCP server').id);
    const args = within(prompt).getByRole('group', { name: 'Arguments' });
    expect(args.tagName).toBe('PRE');
    expect(args.textContent).toBe('{\n  "branch": "old"\n}');
    expect(args.dataset.format).toBe('json');
    expect(within(prompt).getByRole('button', { name: 'Approve delete_branch' }).textContent).toBe('Approve');
    expect(within(prompt).getByRole('button', { name: 'Deny delete_branch' }).textContent).toBe('Deny');
    // One request: no "1 of 1".
    expect(within(prompt).queryByText(/of 1/)).toBeNull();
  });

  it('Approve and Deny answer the request shown, which then leaves', async () => {
    const { session, ask, answers } = await connected();
    const { container } = renderIn(session, <ToolApproval />);
    await ask('mcpr_1');
    fireEvent.click(screen.getByRole('button', { name: 'Approve delete_branch' }));
    expect(answers()).toEqual([['mcpr_1', true]]);
    expect(root(container).dataset.state).toBe('closed');
    await ask('mcpr_2', { name: 'merge' });
    fireEvent.click(screen.getByRole('button', { name: 'Deny merge' }));
    expect(answers()).toEqual([
      ['mcpr_1', true],
      ['mcpr_2', false],
    ]);
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('several pending: the oldest first, with its position, then the next', async () => {
    const { session, ask, answers } = await connected();
    const { container } = renderIn(session, <ToolApproval />);
    await ask('mcpr_1');
    await ask('mcpr_2', { name: 'merge' });
    await ask('mcpr_3', { name: 'close_issue' });
    expect(root(container).dataset.count).toBe('3');
    expect(screen.getAllByRole('group', { name: /^Allow/ })).toHaveLength(1);
    const prompt = screen.getByRole('group', { name: 'Allow delete_branch?' });
    expect(within(prompt).getByText('1 of 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Approve delete_branch' }));
    const next = screen.getByRole('group', { name: 'Allow merge?' });
    expect(within(next).getByText('1 of 2')).toBeTruthy();
    fireEvent.click(within(next).getByRole('button', { name: 'Deny merge' }));
    expect(screen.getByRole('group', { name: 'Allow close_issue?' })).toBeTruthy();
    expect(answers()).toEqual([
      ['mcpr_1', true],
      ['mcpr_2', false],
    ]);
  });

  it('never takes the focus when a request arrives', async () => {
    const { session, ask } = await connected();
    renderIn(
      session,
      <>
        <input aria-label="Message" />
        <ToolApproval />
      </>,
    );
    const input = screen.getByRole('textbox', { name: 'Message' });
    input.focus();
    await ask('mcpr_1');
    await ask('mcpr_2');
    expect(document.activeElement).toBe(input);
  });

  it('after an answer from the keyboard, focus goes to the next prompt, then back where it came from', async () => {
    const user = userEvent.setup();
    const { session, ask, answers } = await connected();
    renderIn(
      session,
      <>
        <input aria-label="Message" />
        <ToolApproval />
      </>,
    );
    await ask('mcpr_1');
    await ask('mcpr_2', { name: 'merge' });
    screen.getByRole('textbox', { name: 'Message' }).focus();
    // Tab: the arguments box (it scrolls), then Approve.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Arguments' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Approve delete_branch' }));
    await user.keyboard('{Enter}');
    expect(answers()).toEqual([['mcpr_1', true]]);
    // The next prompt itself, not its Approve button: a repeated Enter must not answer it too.
    const next = screen.getByRole('group', { name: 'Allow merge?' });
    expect(document.activeElement).toBe(next);
    await user.keyboard('{Enter}');
    expect(answers()).toHaveLength(1);
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Deny merge' }));
    await user.keyboard(' ');
    expect(answers()).toEqual([
      ['mcpr_1', true],
      ['mcpr_2', false],
    ]);
    // None left: focus goes back to where it was before it entered, not to <body>.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' }));
  });

  it('a request answered elsewhere while focus is in its prompt hands the focus to the next one', async () => {
    const { session, transport, ask } = await connected();
    renderIn(session, <ToolApproval />);
    await ask('mcpr_1');
    await ask('mcpr_2', { name: 'merge' });
    screen.getByRole('button', { name: 'Deny delete_branch' }).focus();
    act(() => {
      transport.emit(
        wire('conversation.item.added', {
          item: { id: 'mcpa_1', type: 'mcp_approval_response', approval_request_id: 'mcpr_1', approve: true },
        }),
      );
    });
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Allow merge?' }));
  });

  it('under StrictMode, a prompt that got the focus after an answer does not take it back later', async () => {
    const user = userEvent.setup();
    const { session, transport, ask } = await connected();
    render(
      <StrictMode>
        <RealtimeProvider session={session}>
          <input aria-label="Message" />
          <ToolApproval />
        </RealtimeProvider>
      </StrictMode>,
    );
    await ask('mcpr_1');
    await ask('mcpr_2', { name: 'merge' });
    await ask('mcpr_3', { name: 'close_issue' });
    screen.getByRole('button', { name: 'Approve delete_branch' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Allow merge?' }));
    // The user goes back to typing; then the shown request is answered in another tab.
    const message = screen.getByRole('textbox', { name: 'Message' });
    message.focus();
    act(() => {
      transport.emit(
        wire('conversation.item.added', {
          item: { id: 'mcpa_2', type: 'mcp_approval_response', approval_request_id: 'mcpr_2', approve: false },
        }),
      );
    });
    screen.getByRole('group', { name: 'Allow close_issue?' });
    expect(document.activeElement).toBe(message);
  });

  it('a double click answers one request only', async () => {
    const { session, ask, answers } = await connected();
    renderIn(session, <ToolApproval />);
    await ask('mcpr_1');
    await ask('mcpr_2', { name: 'merge' });
    fireEvent.click(screen.getByRole('button', { name: 'Approve delete_branch' }), { detail: 1 });
    // The second click of the double click lands where the first was: on the next request's button.
    fireEvent.click(screen.getByRole('button', { name: 'Approve merge' }), { detail: 2 });
    expect(answers()).toEqual([['mcpr_1', true]]);
    expect(screen.getByRole('group', { name: 'Allow merge?' })).toBeTruthy();
  });

  it('announces each request once, politely, and empties when it leaves', async () => {
    const { session, transport, ask } = await connected();
    const { rerender } = renderIn(session, <ToolApproval />);
    const status = screen.getByRole('status');
    await ask('mcpr_1');
    expect(status.textContent).toBe('Approval needed: github asks to run delete_branch.');
    const node = status.firstElementChild;
    rerender(
      <RealtimeProvider session={session}>
        <ToolApproval className="again" />
      </RealtimeProvider>,
    );
    // Same node, same text: a re-render says nothing again.
    expect(status.firstElementChild).toBe(node);
    await ask('mcpr_2', { server_label: 'calendar', name: 'create_event' });
    expect(status.textContent).toBe('Approval needed: calendar asks to run create_event. 2 requests are waiting.');
    // A new request whose text reads the same is a new node, so it is announced too.
    const before = status.firstElementChild;
    act(() => {
      session.respondToApproval('mcpr_2', true);
      transport.emit(
        wire('conversation.item.done', {
          item: { id: 'mcpr_3', type: 'mcp_approval_request', server_label: 'calendar', name: 'create_event', arguments: '{}' },
        }),
      );
    });
    expect(status.textContent).toBe('Approval needed: calendar asks to run create_event. 2 requests are waiting.');
    expect(status.firstElementChild).not.toBe(before);
    act(() => session.respondToApproval('mcpr_3', true));
    expect(status.textContent).toBe('');
  });

  it('shows hostile arguments as text, never as markup', async () => {
    const { session, ask } = await connected();
    const { container } = renderIn(session, <ToolApproval />);
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await ask('mcpr_1', { server_label: '<b>evil</b>', name: '<i>tool</i>', arguments: hostile });
    expect(container.querySelector('img, script, b, i')).toBeNull();
    const args = screen.getByRole('group', { name: 'Arguments' });
    expect(args.textContent).toBe(hostile);
    expect(args.dataset.format).toBe('text');
    expect(screen.getByRole('group', { name: 'Allow <i>tool</i>?' })).toBeTruthy();
    expect(screen.getByText('Requested by the <b>evil</b> MCP server')).toBeTruthy();
    act(() => session.respondToApproval('mcpr_1', false));
    await ask('mcpr_2', { arguments: JSON.stringify({ html: hostile }) });
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByRole('group', { name: 'Arguments' }).textContent).toContain(hostile.replace(/"/g, '\\"'));
  });

  it('shows huge arguments whole, in a box that is reachable by keyboard', async () => {
    const { session, ask } = await connected();
    renderIn(session, <ToolApproval />);
    const huge = JSON.stringify({ rows: Array.from({ length: 10_000 }, (_, i) => `row ${i}`) });
    await ask('mcpr_1', { arguments: huge });
    const args = screen.getByRole('group', { name: 'Arguments' });
    expect(args.tabIndex).toBe(0);
    expect(args.textContent!.split('\n')).toHaveLength(10_004);
    expect(args.textContent).toContain('"row 9999"');
  });

  it('says so when there are no arguments', async () => {
    const { session, ask } = await connected();
    renderIn(session, <ToolApproval labels={{ noArguments: 'Nothing to send' }} />);
    await ask('mcpr_1', { arguments: '' });
    expect(screen.queryByRole('group', { name: 'Arguments' })).toBeNull();
    expect(screen.getByText('Nothing to send')).toBeTruthy();
  });

  it('runs onRespond first, with the decision; preventDefault() keeps the answer unsent', async () => {
    const { session, ask, answers } = await connected();
    const order: string[] = [];
    const onRespond = vi.fn((event: React.MouseEvent<HTMLButtonElement>, decision: { request: McpApprovalRequest; approve: boolean }) => {
      order.push(`user:${decision.request.id}:${decision.approve}:${answers().length}`);
      if (!decision.approve) event.preventDefault();
    });
    renderIn(session, <ToolApproval onRespond={onRespond} />);
    await ask('mcpr_1');
    fireEvent.click(screen.getByRole('button', { name: 'Deny delete_branch' }));
    expect(answers()).toEqual([]);
    expect(screen.getByRole('group', { name: 'Allow delete_branch?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Approve delete_branch' }));
    expect(order).toEqual(['user:mcpr_1:false:0', 'user:mcpr_1:true:0']);
    expect(answers()).toEqual([['mcpr_1', true]]);
  });

  it('request: shows that one while it is pending, with its position', async () => {
    const { session, ask, transport } = await connected();
    await ask('mcpr_1');
    await ask('mcpr_2', { name: 'merge' });
    const second = session.getState().approvals[1]!;
    renderIn(session, <ToolApproval request={second} />);
    const prompt = screen.getByRole('group', { name: 'Allow merge?' });
    expect(within(prompt).getByText('2 of 2')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Approval needed: github asks to run merge. 2 requests are waiting.');
    act(() => {
      transport.emit(wire('conversation.item.deleted', { item_id: 'mcpr_2' }));
    });
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('labels, className and unstyled', async () => {
    const { session, ask } = await connected();
    const { container } = renderIn(
      session,
      <ToolApproval
        className="mine"
        labels={{ title: ({ request }) => `${request.name} ausführen?`, approve: 'Erlauben', approveName: 'Erlauben' }}
      />,
    );
    await ask('mcpr_1');
    expect(root(container).className).toBe('rrk-tool-approval mine');
    expect(screen.getByRole('group', { name: 'delete_branch ausführen?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Erlauben' })).toBeTruthy();
    cleanup();
    // A translated button text carries into its default name, so the name starts with what is shown.
    renderIn(session, <ToolApproval labels={{ deny: 'Ablehnen' }} />);
    expect(screen.getByRole('button', { name: 'Ablehnen delete_branch' }).textContent).toBe('Ablehnen');
    cleanup();
    const bare = renderIn(session, <ToolApproval unstyled />);
    expect(bare.container.querySelector('[class]')).toBeNull();
    // The announcer stays hidden without the theme.
    expect(screen.getByRole('status').style.position).toBe('absolute');
  });

  it('closes when the connection ends', async () => {
    const { session, ask } = await connected();
    const { container } = renderIn(session, <ToolApproval />);
    await ask('mcpr_1');
    act(() => session.disconnect());
    expect(root(container).dataset.state).toBe('closed');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('works under StrictMode', async () => {
    const { session, ask, answers } = await connected();
    render(
      <StrictMode>
        <RealtimeProvider session={session}>
          <ToolApproval />
        </RealtimeProvider>
      </StrictMode>,
    );
    await ask('mcpr_1');
    expect(screen.getByRole('status').textContent).toBe('Approval needed: github asks to run delete_branch.');
    fireEvent.click(screen.getByRole('button', { name: 'Approve delete_branch' }));
    expect(answers()).toEqual([['mcpr_1', true]]);
  });
});

describe('useToolApproval', () => {
  it('gives the state and the actions for a design system of its own', async () => {
    const { session, ask, answers } = await connected();
    let latest: ReturnType<typeof useToolApproval> | undefined;
    function Mine() {
      latest = useToolApproval({ session });
      return null;
    }
    render(<Mine />);
    expect(latest!.state).toBeNull();
    expect(latest!.text('title')).toBe('');
    await ask('mcpr_1');
    expect(latest!.state).toEqual({
      request: { id: 'mcpr_1', serverLabel: 'github', name: 'delete_branch', arguments: '{"branch":"old"}' },
      position: 1,
      count: 1,
    });
    expect(latest!.formattedArguments).toEqual({ text: '{\n  "branch": "old"\n}', json: true });
    act(() => latest!.deny('Too risky'));
    expect(answers()).toEqual([['mcpr_1', false, 'Too risky']]);
  });
});
