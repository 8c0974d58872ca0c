/**
 * Tool calls in the transcript: one compact row per call (running, completed, failed), its
 * arguments and output behind a disclosure, as text; a call's output row is not shown twice.
 * Rows from transcript fixtures, as the session's state holds them.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TranscriptItemContent, TranscriptView, defaultTranscriptViewLabels } from '../../../src/components/index.ts';
import type { TranscriptItem, TranscriptToolInfo } from '../../../src/core/session/types.ts';
import { message } from '../helpers/transcriptItems.ts';

afterEach(cleanup);

const functionCall = (
  id: string,
  tool: Partial<TranscriptToolInfo>,
  extra: Partial<TranscriptItem> = {},
): TranscriptItem => ({
  id,
  role: 'assistant',
  kind: 'tool_call',
  text: '',
  status: 'completed',
  previousItemId: null,
  tool: { name: 'get_weather', callId: `call_${id}`, arguments: '{"city":"Lisbon"}', ...tool },
  ...extra,
});

const outputRow = (id: string, callId: string, output: string): TranscriptItem => ({
  id,
  role: 'tool',
  kind: 'tool_call',
  text: output,
  status: 'completed',
  previousItemId: null,
  tool: { name: '', callId, arguments: '', output },
});

const mcpCall = (status: TranscriptItem['status'], extra: Partial<TranscriptItem> = {}): TranscriptItem => ({
  id: 'mcp_1',
  role: 'assistant',
  kind: 'tool_call',
  text: '',
  status,
  previousItemId: null,
  tool: { name: 'search_docs', callId: 'mcp_1', arguments: '{"q":"idle timeout"}', serverLabel: 'deepwiki' },
  ...extra,
});

function renderRow(item: TranscriptItem, toolOutput?: string) {
  const { container } = render(
    <TranscriptItemContent item={item} labels={defaultTranscriptViewLabels} {...(toolOutput !== undefined ? { toolOutput } : {})} />,
  );
  const row = container.querySelector<HTMLElement>('[data-kind="tool_call"]')!;
  return { row, summary: row.querySelector('summary')! };
}

/**
 * What a screen reader says for a summary: its text (the icon is aria-hidden and has none).
 * Taken from the text nodes, so parts written without a space between them read run together,
 * as they do in a browser's accessibility tree.
 */
function computeAccessibleName(summary: HTMLElement): string {
  return (summary.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Open the row's disclosure with a click on its summary (the browser's `toggle` event follows in a task). */
async function open(row: HTMLElement) {
  fireEvent.click(row.querySelector('summary')!);
  await waitFor(() => expect(row.querySelector('dl')).not.toBeNull(), { timeout: 10_000 });
}

/** The text under a heading of the opened details (Arguments, Output). */
function detail(row: HTMLElement, heading: string): string | undefined {
  const term = within(row).queryByText(heading, { selector: 'dt' });
  return term?.nextElementSibling?.querySelector('pre')?.textContent ?? undefined;
}

describe('TranscriptView: tool call rows', () => {
  it('running: a busy row named by the tool and its state', () => {
    const { row, summary } = renderRow(functionCall('fc1', { state: 'running' }));
    expect(row.dataset.toolState).toBe('running');
    expect(row.getAttribute('aria-busy')).toBe('true');
    expect(computeAccessibleName(summary)).toBe('Called get_weather Running…');
    expect(row.querySelector('.rrk-transcript__marker')).toBeNull();
  });

  it('completed: done, not busy; the details show the arguments and the output pretty-printed', async () => {
    const { row, summary } = renderRow(functionCall('fc1', { state: 'completed', output: '{"tempC":21,"sky":"clear"}' }));
    expect(row.dataset.toolState).toBe('completed');
    expect(row.hasAttribute('aria-busy')).toBe(false);
    expect(computeAccessibleName(summary)).toBe('Called get_weather Done');
    // Closed, the details are not rendered at all.
    expect(row.querySelector('pre')).toBeNull();
    await open(row);
    expect(detail(row, 'Arguments')).toBe('{\n  "city": "Lisbon"\n}');
    expect(detail(row, 'Output')).toBe('{\n  "tempC": 21,\n  "sky": "clear"\n}');
  });

  it('failed: the error message is in the row and in the summary\'s name', () => {
    const error = { source: 'handler' as const, code: 'tool_failed', message: 'No weather station in Atlantis' };
    const { row, summary } = renderRow(functionCall('fc1', { state: 'failed', output: '{"error":"No weather station in Atlantis"}' }, { error }));
    expect(row.dataset.toolState).toBe('failed');
    expect(row.hasAttribute('aria-busy')).toBe(false);
    expect(row.querySelector('.rrk-transcript__marker')?.textContent).toBe('Failed: No weather station in Atlantis');
    expect(computeAccessibleName(summary)).toBe('Called get_weather Failed: No weather station in Atlantis');
    expect(row.querySelector('.rrk-transcript__tool-state')).toBeNull();
  });

  it('the tool state wins over the row status (a finished wire item whose tool still runs)', () => {
    const { row } = renderRow(functionCall('fc1', { state: 'running' }, { status: 'completed' }));
    expect(row.dataset.status).toBe('completed');
    expect(row.dataset.toolState).toBe('running');
  });

  it('a remote MCP call shows its server and falls back on the row status', async () => {
    const running = renderRow(mcpCall('in_progress'));
    expect(running.row.dataset.toolState).toBe('running');
    expect(computeAccessibleName(running.summary)).toBe('Called search_docs on deepwiki Running…');
    cleanup();
    const done = renderRow(mcpCall('completed', { tool: { ...mcpCall('completed').tool!, output: 'Idle timeouts need server_vad.' } }));
    expect(computeAccessibleName(done.summary)).toBe('Called search_docs on deepwiki Done');
    await open(done.row);
    expect(detail(done.row, 'Output')).toBe('Idle timeouts need server_vad.');
    cleanup();
    const failed = renderRow(mcpCall('failed', { error: { source: 'server', code: 'http_error', message: 'Bad gateway' } }));
    expect(failed.row.dataset.toolState).toBe('failed');
    expect(computeAccessibleName(failed.summary)).toBe('Called search_docs on deepwiki Failed: Bad gateway');
  });

  it('an interrupted call shows the marker and no state', () => {
    const { row } = renderRow(functionCall('fc1', { arguments: '{"ci' }, { status: 'interrupted' }));
    expect(row.hasAttribute('data-tool-state')).toBe(false);
    expect(row.textContent).toContain('Interrupted');
  });

  it('a call whose arguments are still streaming shows them as they are', async () => {
    const { row } = renderRow(functionCall('fc1', { arguments: '{"city":"Lis' }, { status: 'in_progress' }));
    expect(row.dataset.toolState).toBe('running');
    await open(row);
    expect(detail(row, 'Arguments')).toBe('{"city":"Lis');
  });

  it('keeps hostile names, arguments and output as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const { row } = renderRow(
      functionCall('fc1', { name: '<b>bold</b>', arguments: hostile, state: 'completed', output: `{"html":${JSON.stringify(hostile)}}` }),
    );
    await open(row);
    expect(row.querySelector('img, script, b')).toBeNull();
    expect(row.querySelector('.rrk-transcript__text')?.textContent).toBe('Called <b>bold</b>');
    expect(detail(row, 'Arguments')).toBe(hostile);
    expect(detail(row, 'Output')).toContain('"html": "<img src=x');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('cuts a huge output at 20,000 characters and says how much was left out', async () => {
    const huge = `{"rows":[${Array.from({ length: 60_000 }, (_, i) => `"row ${i}"`).join(',')}]}`;
    const { row } = renderRow(functionCall('fc1', { state: 'completed', output: huge }));
    expect(row.textContent!.length).toBeLessThan(200);
    await open(row);
    const shown = detail(row, 'Output')!;
    expect(shown).toHaveLength(20_000);
    expect(huge.startsWith(shown)).toBe(true);
    expect(within(row).getByText(`… and ${huge.length - 20_000} more characters`)).toBeTruthy();
  });

  it('indents JSON token by token: long numbers keep their digits, repeated keys both stay', async () => {
    const { row } = renderRow(
      functionCall('fc1', { state: 'completed', arguments: '{"to":"alice","to":"mallory"}', output: '{"orderId":12345678901234567890}' }),
    );
    await open(row);
    expect(detail(row, 'Output')).toBe('{\n  "orderId": 12345678901234567890\n}');
    expect(detail(row, 'Arguments')).toBe('{\n  "to": "alice",\n  "to": "mallory"\n}');
  });

  it('shows invisible and direction-changing characters as escapes, as the approval prompt does', async () => {
    // U+202E would draw "gnp.exe" as "exe.png": the row must not reorder what the model sent.
    const { row } = renderRow(
      functionCall('fc1', { state: 'completed', arguments: '{"file":"invoice\u202Egnp.exe"}', output: 'pay\u200Bpal' }),
    );
    await open(row);
    expect(detail(row, 'Arguments')).toBe('{\n  "file": "invoice\\u202egnp.exe"\n}');
    expect(detail(row, 'Output')).toBe('pay\\u200bpal');
  });

  it('shows the invisible characters of a huge output as escapes too', async () => {
    const huge = `\u202E${'x'.repeat(30_000)}`;
    const { row } = renderRow(functionCall('fc1', { state: 'completed', output: huge }));
    await open(row);
    expect(detail(row, 'Output')!.startsWith('\\u202exxx')).toBe(true);
  });

  it('shows the output of the call\'s output row when the call row carries none', async () => {
    const { row } = renderRow(functionCall('fc1', { state: 'completed' }), '"sunny"');
    await open(row);
    expect(detail(row, 'Output')).toBe('"sunny"');
  });
});

describe('TranscriptView: a call and its output row', () => {
  const call = functionCall('fc1', {});
  const answer = outputRow('out1', 'call_fc1', '{"tempC":21}');

  it('shows the output once, on the call row, and the rows around it as usual', async () => {
    render(<TranscriptView items={[message('u1', 'user', 'Weather in Lisbon?'), call, answer, message('a1', 'assistant', 'It is 21 degrees.')]} />);
    const log = screen.getByRole('log');
    const toolRows = log.querySelectorAll('[data-kind="tool_call"]');
    expect(toolRows).toHaveLength(1);
    expect((toolRows[0] as HTMLElement).dataset.role).toBe('assistant');
    expect(log.querySelectorAll('[data-index]')).toHaveLength(3);
    // Indices stay contiguous for the virtual rows.
    expect([...log.querySelectorAll<HTMLElement>('[data-index]')].map((row) => row.dataset.index)).toEqual(['0', '1', '2']);
    await open(toolRows[0] as HTMLElement);
    expect(detail(toolRows[0] as HTMLElement, 'Output')).toBe('{\n  "tempC": 21\n}');
  });

  it('keeps an output row whose call is not in the transcript, as a tool result', async () => {
    render(<TranscriptView items={[answer, message('a1', 'assistant', 'It is 21 degrees.')]} />);
    const row = screen.getByRole('log').querySelector<HTMLElement>('[data-kind="tool_call"]')!;
    expect(row.dataset.role).toBe('tool');
    expect(computeAccessibleName(row.querySelector('summary')!)).toBe('Tool result');
    await open(row);
    expect(detail(row, 'Output')).toBe('{\n  "tempC": 21\n}');
  });

  it('renderItem replaces a tool row, and gets the paired output row', () => {
    const seen: { id: string; output: string | undefined }[] = [];
    render(
      <TranscriptView
        items={[call, answer]}
        renderItem={(item, context) => {
          seen.push({ id: item.id, output: context.toolOutput?.text });
          return item.kind === 'tool_call' ? <p data-testid="custom-tool">{item.tool?.name} ran</p> : context.defaultContent;
        }}
      />,
    );
    expect(screen.getByTestId('custom-tool').textContent).toBe('get_weather ran');
    expect(screen.getByRole('log').querySelector('details')).toBeNull();
    expect(seen.at(-1)).toEqual({ id: 'fc1', output: '{"tempC":21}' });
  });

  it('takes tool labels (another language)', async () => {
    const labels = {
      toolCall: (item: TranscriptItem) => `Appel de ${item.tool?.name ?? ''}`,
      toolState: { running: 'En cours…', completed: 'Terminé' },
      toolArguments: 'Paramètres',
      toolOutput: 'Résultat',
    };
    render(<TranscriptView items={[functionCall('fc2', { state: 'completed', output: '1' })]} labels={labels} />);
    const row = screen.getByRole('log').querySelector<HTMLElement>('[data-kind="tool_call"]')!;
    expect(computeAccessibleName(row.querySelector('summary')!)).toBe('Appel de get_weather Terminé');
    await open(row);
    expect(detail(row, 'Paramètres')).toBe('{\n  "city": "Lisbon"\n}');
    expect(detail(row, 'Résultat')).toBe('1');
  });
});

describe('TranscriptView: an opened tool row', () => {
  it('stays open when it leaves the window and comes back (unmounted and mounted again)', async () => {
    const call = functionCall('fc_keep', { state: 'completed', output: '{"tempC":21}' });
    const view = (items: TranscriptItem[]) => <TranscriptView items={items} />;
    const { rerender } = render(view([call]));
    const row = () => screen.getByRole('log').querySelector<HTMLElement>('[data-kind="tool_call"]');
    await open(row()!);
    // The row leaves the rendered rows (as when scrolled out of the window), then comes back.
    rerender(view([]));
    expect(row()).toBeNull();
    rerender(view([call]));
    expect(row()!.querySelector('details')!.open).toBe(true);
    expect(detail(row()!, 'Output')).toBe('{\n  "tempC": 21\n}');
  });

  it('starts closed in another transcript', async () => {
    render(<TranscriptView items={[functionCall('fc_keep', { state: 'completed' })]} />);
    expect(screen.getByRole('log').querySelector('details')!.open).toBe(false);
  });
});
