// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { MessageComposer } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';

describe('MessageComposer on the server', () => {
  it('renders to a string without window or document, with its label and reason', () => {
    expect(typeof window).toBe('undefined');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const html = renderToString(
      <RealtimeProvider session={createFakeSession()}>
        <MessageComposer defaultValue="Draft <b>" />
      </RealtimeProvider>,
    );
    expect(html).toContain('<textarea');
    expect(html).toContain('Draft &lt;b&gt;');
    expect(html).toContain('>Message</label>');
    expect(html).toContain('Start the session to send a message.');
    expect(html).toContain('aria-disabled="true"');
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
