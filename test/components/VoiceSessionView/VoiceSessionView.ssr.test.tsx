// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { VoiceSessionView } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';

describe('VoiceSessionView on the server', () => {
  it('renders every part to a string without window or document, and without warnings', () => {
    expect(typeof window).toBe('undefined');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const session = createFakeSession();
    session.putItem({ id: 'a', role: 'assistant', kind: 'message', text: 'Hello <b>there</b>', status: 'completed', previousItemId: null });
    const html = renderToString(
      <RealtimeProvider session={session}>
        <VoiceSessionView title="Travel assistant" />
      </RealtimeProvider>,
    );
    expect(html).toContain('class="rrk-voice-session"');
    expect(html).toContain('Travel assistant</h2>');
    expect(html).toContain('role="img"');
    expect(html).toContain('role="log"');
    expect(html).toContain('Hello &lt;b&gt;there&lt;/b&gt;');
    expect(html).toContain('Start a session to talk');
    expect(html).toContain('rrk-microphone-select');
    expect(html).toContain('rrk-message-composer');
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
