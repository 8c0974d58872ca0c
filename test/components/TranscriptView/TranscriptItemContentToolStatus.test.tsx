/**
 * A remote MCP call's row (a `tool_call` row built from an `mcp_call` item) shows whether it is
 * running, done or failed, and a failure shows its error, not the transcription-failed copy.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TranscriptItemContent, defaultTranscriptViewLabels } from '../../../src/components/index.ts';
import type { TranscriptItem } from '../../../src/core/session/types.ts';

afterEach(cleanup);

const mcpRow = (status: TranscriptItem['status'], extra: Partial<TranscriptItem> = {}): TranscriptItem => ({
  id: 'mcp_1',
  role: 'assistant',
  kind: 'tool_call',
  text: '',
  status,
  previousItemId: null,
  tool: { name: 'search', callId: 'mcp_1', arguments: '{"q":"idle"}', serverLabel: 'docs' },
  ...extra,
});

function rowOf(item: TranscriptItem): HTMLElement {
  const { container } = render(<TranscriptItemContent item={item} labels={defaultTranscriptViewLabels} />);
  return container.querySelector<HTMLElement>('[data-kind="tool_call"]')!;
}

describe('TranscriptItemContent: a remote MCP call', () => {
  it('running: busy, with no failure marker', () => {
    const row = rowOf(mcpRow('in_progress'));
    expect(row.dataset.status).toBe('in_progress');
    expect(row.getAttribute('aria-busy')).toBe('true');
    expect(row.querySelector('.rrk-transcript__marker')).toBeNull();
  });

  it('failed: the marker says the call failed and why', () => {
    const error = { source: 'server' as const, code: 'http_error', message: 'Service Unavailable' };
    const row = rowOf(mcpRow('failed', { error }));
    expect(row.dataset.status).toBe('failed');
    expect(row.hasAttribute('aria-busy')).toBe(false);
    const marker = row.querySelector('.rrk-transcript__marker');
    expect(marker?.textContent).toBe('Failed: Service Unavailable');
    expect(row.textContent).not.toContain(defaultTranscriptViewLabels.failed as string);
    expect(row.querySelector('.rrk-transcript__text')?.textContent).toBe('Called search');
  });
});
