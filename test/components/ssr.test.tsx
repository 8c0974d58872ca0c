// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import {
  ConnectionIndicator,
  EventLog,
  IdleBanner,
  SessionControls,
  TranscriptView,
} from '../../src/components/index.ts';
import { RealtimeProvider } from '../../src/react/index.ts';
import { createFakeSession } from '../react/helpers/createFakeSession.ts';

describe('components on the server', () => {
  it('render to a string without window or document, and without warnings', () => {
    expect(typeof window).toBe('undefined');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const session = createFakeSession();
    session.setIdle({ phase: 'timed_out', timeouts: 1 });
    session.putItem({ id: 'a', role: 'assistant', kind: 'message', text: 'Hello <b>there</b>', status: 'completed', previousItemId: null });
    const html = renderToString(
      <RealtimeProvider session={session}>
        <ConnectionIndicator />
        <SessionControls />
        <IdleBanner />
        <TranscriptView />
        <EventLog />
      </RealtimeProvider>,
    );
    expect(html).toContain('Are you still there?');
    expect(html).toContain('Hello &lt;b&gt;there&lt;/b&gt;');
    expect(html).toContain('role="log"');
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
