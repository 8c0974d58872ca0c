/**
 * Tool rows in the windowed log (fakeLayout.ts: "h50" in a row's text makes it 50 px tall): a
 * call's output row is left out of the virtual rows, so indices, positions and sticking to the
 * bottom work on the rows shown.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TranscriptView } from '../../../src/components/index.ts';
import type { TranscriptItem } from '../../../src/core/session/types.ts';
import { message } from '../helpers/transcriptItems.ts';
import { expectViewportCovered, installFakeLayout, layout, rowsOf, shownRows } from './fakeLayout.ts';

installFakeLayout();

const call = (n: number): TranscriptItem => ({
  id: `fc${n}`,
  role: 'assistant',
  kind: 'tool_call',
  text: '',
  status: 'completed',
  previousItemId: null,
  tool: { name: 'weather_h50', callId: `call_${n}`, arguments: '{}', state: 'running' },
});
const output = (n: number): TranscriptItem => ({
  id: `out${n}`,
  role: 'tool',
  kind: 'tool_call',
  text: '{"tempC":21}',
  status: 'completed',
  previousItemId: null,
  tool: { name: '', callId: `call_${n}`, arguments: '', output: '{"tempC":21}' },
});

/** 100 turns: a user line, a tool call and its output, an assistant line. */
function conversation(): TranscriptItem[] {
  const lines = rowsOf(200, () => 60);
  return Array.from({ length: 100 }, (_, n) => [lines[2 * n]!, call(n), output(n), lines[2 * n + 1]!]).flat();
}

describe('TranscriptView: tool rows in the windowed log', () => {
  it('lays out only the rows shown, contiguous, pinned to the end', () => {
    render(<TranscriptView items={conversation()} />);
    const log = screen.getByRole('log');
    const rows = shownRows();
    expect(rows.every((row) => row.absolute)).toBe(true);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.index).toBe(rows[i - 1]!.index + 1);
      expect(rows[i]!.top).toBe(rows[i - 1]!.top + rows[i - 1]!.height);
    }
    expect(rows.at(-1)!.index).toBe(299);
    expect(log.scrollTop).toBe(log.scrollHeight - layout.viewport);
    expect(log.querySelectorAll('[data-role="tool"]')).toHaveLength(0);
    expectViewportCovered();
    // No room held for the 100 output rows: as tall as the same log without them.
    const height = log.scrollHeight;
    cleanup();
    render(<TranscriptView items={conversation().filter((item) => item.role !== 'tool')} />);
    expect(screen.getByRole('log').scrollHeight).toBe(height);
  });

  it('an output arriving for the last call adds no row and the view stays pinned; the next reply is shown', () => {
    const before = conversation();
    const { rerender } = render(<TranscriptView items={[...before, call(100)]} />);
    const log = screen.getByRole('log');
    const height = log.scrollHeight;
    rerender(<TranscriptView items={[...before, { ...call(100), tool: { ...call(100).tool!, state: 'completed' } }, output(100)]} />);
    expect(log.scrollHeight).toBe(height);
    expect(shownRows().at(-1)!.index).toBe(300);
    rerender(
      <TranscriptView
        items={[...before, { ...call(100), tool: { ...call(100).tool!, state: 'completed' } }, output(100), message('a_last', 'assistant', 'It is 21 degrees. h60')]}
      />,
    );
    expect(log.scrollHeight).toBe(height + 60);
    expect(shownRows().at(-1)!.index).toBe(301);
    expect(log.scrollTop).toBe(log.scrollHeight - layout.viewport);
    expectViewportCovered();
  });
});
