import { createContext, useContext, useState } from 'react';
import type { ReactNode } from 'react';
import type { TranscriptItem } from '../../core/session/types.ts';
import { resolveLabel } from '../internal/resolveLabel.ts';
import { formatToolText } from './formatToolText.ts';
import type { TranscriptViewLabels } from './TranscriptItemContent.tsx';

/** Where a tool call stands, as its row shows it. */
export type ToolRowState = 'running' | 'completed' | 'failed';

const STATE_OF_STATUS: Partial<Record<TranscriptItem['status'], ToolRowState>> = {
  in_progress: 'running',
  completed: 'completed',
  failed: 'failed',
};

/**
 * A function call's own `tool.state` (set by the session's tool runtime); otherwise the row's
 * status (a remote MCP call, or a call no client tool runs). Undefined for a call cut off
 * (interrupted, or its connection ended): the row's marker says so.
 */
export function toolStateOf(item: TranscriptItem): ToolRowState | undefined {
  return item.tool?.state ?? STATE_OF_STATUS[item.status];
}

/**
 * The tool rows the user opened in one transcript, by item id: a row scrolled out of the
 * transcript's window unmounts, and must come back as the user left it (and as tall as it was
 * measured). Provided by `TranscriptView`; a row rendered on its own starts closed.
 */
export const OpenToolRows = createContext<Set<string> | null>(null);

/** Props of {@link TranscriptToolCall}. */
export interface TranscriptToolCallProps {
  item: TranscriptItem;
  labels: TranscriptViewLabels;
  /** Class name of a part, undefined when unstyled. */
  cls: (name: string) => string | undefined;
  /** The call's output from its `function_call_output` row, when the call's row has none yet. */
  output: string | undefined;
}

/**
 * One tool call as one compact disclosure, inside the row `TranscriptItemContent` draws: what
 * was called (and on which MCP server), where it stands, and its arguments and output as text.
 * The details render only while open, so a long transcript of tool calls keeps a small DOM, and
 * a huge output costs nothing until someone looks at it. A `function_call_output` row whose
 * call is not in the transcript shows here too, as a tool result.
 */
export function TranscriptToolCall({ item, labels, cls, output: pairedOutput }: TranscriptToolCallProps) {
  const openRows = useContext(OpenToolRows);
  const [open, setOpen] = useState(() => openRows?.has(item.id) ?? false);
  const tool = item.tool;
  const isResult = item.role === 'tool';
  const state = toolStateOf(item);
  const output = tool?.output ?? pairedOutput;
  const details = (label: string, raw: string): ReactNode => {
    const shown = formatToolText(raw);
    return (
      <>
        <dt className={cls('tool-label')}>{label}</dt>
        <dd className={cls('tool-value')}>
          <pre className={cls('tool-code')}>{shown.text}</pre>
          {shown.hidden > 0 ? <span className={cls('marker')}>{resolveLabel(labels.toolTruncated, shown.hidden)}</span> : null}
        </dd>
      </>
    );
  };

  return (
    <details
      className={cls('tool')}
      open={open}
      onToggle={(event) => {
        const next = event.currentTarget.open;
        setOpen(next);
        openRows?.[next ? 'add' : 'delete'](item.id);
      }}
    >
      <summary className={cls('tool-summary')}>
        <span className={cls('tool-icon')} aria-hidden />
        {/* Spaces between the parts: a screen reader joins inline parts without one. */}
        <span className={cls('tool-title')}>
          <span className={cls('text')}>{isResult ? labels.toolResult : resolveLabel(labels.toolCall, item)}</span>
          {tool?.serverLabel ? <> <span className={cls('tool-server')}>{resolveLabel(labels.toolServer, item)}</span></> : null}
        </span>{' '}
        {state === 'failed' ? (
          <span className={cls('marker')}>{resolveLabel(labels.toolFailed, item)}</span>
        ) : state && !isResult ? (
          <span className={cls('tool-state')}>{labels.toolState[state]}</span>
        ) : null}
      </summary>
      {open ? (
        <dl className={cls('tool-details')}>
          {tool?.arguments ? details(labels.toolArguments, tool.arguments) : null}
          {output !== undefined ? details(labels.toolOutput, output) : null}
        </dl>
      ) : null}
    </details>
  );
}
