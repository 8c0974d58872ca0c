// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AudioVisualizer } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';

describe('AudioVisualizer on the server', () => {
  it('renders both looks to a string without window or document: an image named after the state, at rest', () => {
    expect(typeof window).toBe('undefined');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const session = createFakeSession();
    session.setState({ status: 'connected', agentState: 'speaking' });
    const html = renderToString(
      <RealtimeProvider session={session}>
        <AudioVisualizer />
        <AudioVisualizer look="orb" />
      </RealtimeProvider>,
    );
    expect(html.match(/role="img" aria-label="Assistant is speaking" data-state="speaking"/g)).toHaveLength(2);
    expect(html).toContain('data-look="bars"');
    expect(html).toContain('data-look="orb"');
    // The server cannot know the user's motion setting: the animated look, corrected on hydration.
    expect(html).toContain('data-motion="full"');
    expect(html).not.toContain('--rrk-visualizer-bar-level');
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
