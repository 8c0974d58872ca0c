// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { TranscriptView } from '../../../src/components/index.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import type { TranscriptItem } from '../../../src/core/session/types.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';

/** The documented size of the window rendered without layout. */
const ROWS_WITHOUT_LAYOUT = 40;

const line = (i: number): TranscriptItem => ({
  id: `m${i}`,
  role: i % 2 ? 'assistant' : 'user',
  kind: 'message',
  text: `Line ${i}`,
  status: 'completed',
  previousItemId: null,
});

describe('TranscriptView on the server', () => {
  it(`renders the latest ${ROWS_WITHOUT_LAYOUT} rows of the session into the HTML, without warnings`, () => {
    expect(typeof window).toBe('undefined');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const session = createFakeSession();
    for (let i = 0; i < 1000; i++) session.putItem(line(i));
    const html = renderToString(
      <RealtimeProvider session={session}>
        <TranscriptView />
      </RealtimeProvider>,
    );
    const rows = [...html.matchAll(/data-index="(\d+)"/g)].map((match) => Number(match[1]));
    expect(rows).toEqual(Array.from({ length: ROWS_WITHOUT_LAYOUT }, (_, i) => 1000 - ROWS_WITHOUT_LAYOUT + i));
    expect(html).toContain('>Line 999</p>');
    expect(html).toContain(`>Line ${1000 - ROWS_WITHOUT_LAYOUT}</p>`);
    expect(html).not.toContain(`>Line ${1000 - ROWS_WITHOUT_LAYOUT - 1}</p>`);
    expect(html).not.toContain('>Line 0</p>');
    // In normal flow, so the HTML reads right before any script runs.
    expect(html).not.toContain('position:absolute');
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('renders every row of a short transcript given as items', () => {
    const html = renderToString(<TranscriptView items={[line(0), line(1), line(2)]} />);
    expect(html).toContain('role="log"');
    for (const text of ['>Line 0</p>', '>Line 1</p>', '>Line 2</p>']) expect(html).toContain(text);
  });
});
