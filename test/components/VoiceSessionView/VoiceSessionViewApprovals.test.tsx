import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VoiceSessionView } from '../../../src/components/index.ts';
import type { VoiceSessionViewProps } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';

afterEach(cleanup);

const request = { id: 'mcpr_1', serverLabel: 'github', name: 'delete_branch', arguments: '{"branch":"old"}' };

function setup(props: VoiceSessionViewProps = {}) {
  const session = createFakeSession();
  const view = render(
    <RealtimeProvider session={session}>
      <VoiceSessionView {...props} />
    </RealtimeProvider>,
  );
  return { session, root: view.container.firstElementChild as HTMLElement };
}

const approvals = (root: HTMLElement) => root.querySelector<HTMLElement>('.rrk-voice-session__approvals');

describe('VoiceSessionView approvals', () => {
  it('puts the tool approval prompt under the transcript, before the idle banner, closed while none is pending', () => {
    const { root, session } = setup();
    const part = approvals(root)!;
    expect(part.classList.contains('rrk-tool-approval')).toBe(true);
    expect(part.dataset.state).toBe('closed');
    const log = screen.getByRole('log', { name: 'Conversation' });
    const banner = root.querySelector<HTMLElement>('[data-phase][data-state]')!;
    expect(log.compareDocumentPosition(part) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(part.compareDocumentPosition(banner) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    act(() => session.setState({ approvals: [request] }));
    expect(part.dataset.state).toBe('open');
    fireEvent.click(within(part).getByRole('button', { name: 'Approve delete_branch' }));
    expect(session.calls).toContain('respondToApproval:mcpr_1:true');
  });

  it('takes props for the default part, an element of yours, or false', () => {
    const withProps = setup({ approvals: { labels: { approve: 'Allow', approveName: 'Allow it' } }, classNames: { approvals: 'mine' } });
    act(() => withProps.session.setState({ approvals: [request] }));
    expect(screen.getByRole('button', { name: 'Allow it' }).textContent).toBe('Allow');
    expect(approvals(withProps.root)!.classList.contains('mine')).toBe(true);
    cleanup();
    const hidden = setup({ approvals: false });
    act(() => hidden.session.setState({ approvals: [request] }));
    expect(approvals(hidden.root)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Approve delete_branch' })).toBeNull();
    cleanup();
    setup({ approvals: <p>My own approvals</p> });
    expect(screen.getByText('My own approvals')).toBeTruthy();
  });
});
