import { useMemo, useState } from 'react';
import type { TranscriptItem } from '../../core/session/types.ts';
import { resolveLabel } from '../internal/resolveLabel.ts';
import { formatToolText } from './formatToolText.ts';
import type { TranscriptViewLabels } from './TranscriptItemContent.tsx';

/** Where a tool call stands, as its row shows it. */
export type ToolRowState = 'running' | 'completed' | 'failed';

/**
 * A function call's own `tool.state` (set by the session's tool runtime); otherwise the row's
 * status (a remote MCP call, or a call no client tool runs). Null for a call cut off
 * (interrupted, or its connection ended): the row's marker says so.
 */
function toolStateOf(item: TranscriptItem): ToolRowState | null {
  if (item.tool?.state) return item.tool.state;
  if (item.status === 'in_progress') return 'running';
  if (item.status === 'completed') return 'completed';
  return item.status === 'failed' ? 'failed' : null;
}

/** Props of {@link TranscriptToolCall}. */
export interface TranscriptToolCallProps {
  item: TranscriptItem;
  labels: TranscriptViewLabels;
  unstyled: boolean;
  /** The call's output from its `function_call_output` row, when the call's row has none yet. */
  output: string | undefined;
}

/**
 * One tool call as one compact row: what was called (and on which MCP server), where it stands,
 * and a disclosure with its arguments and output as text. The details render only while open,
 * so a long transcript of tool calls keeps a small DOM, and a huge output costs nothing until
 * someone looks at it. A `function_call_output` row whose call is not in the transcript shows
 * here too, as a tool result.
 */
export function TranscriptToolCall({ item, labels, unstyled, output: pairedOutput }: TranscriptToolCallProps) {
  const cls = (name: string) => (unstyled ? undefined : `rrk-transcript__${name}`);
  const [open, setOpen] = useState(false);
  const tool = item.tool;
  const isResult = item.role === 'tool';
  const state = toolStateOf(item);
  const output = tool?.output ?? pairedOutput;

  return (
    <div
      className={cls('item')}
      data-role={item.role}
      data-kind={item.kind}
      data-status={item.status}
      data-tool-state={state ?? undefined}
      aria-busy={state === 'running' || undefined}
    >
      <details className={cls('tool')} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
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
            {tool?.arguments ? <ToolText label={labels.toolArguments} raw={tool.arguments} labels={labels} cls={cls} /> : null}
            {output !== undefined ? <ToolText label={labels.toolOutput} raw={output} labels={labels} cls={cls} /> : null}
          </dl>
        ) : null}
      </details>
      {item.status === 'interrupted' ? <span className={cls('marker')}>{labels.interrupted}</span> : null}
      {item.status === 'incomplete' ? <span className={cls('marker')}>{labels.incomplete}</span> : null}
    </div>
  );
}

function ToolText(props: { label: string; raw: string; labels: TranscriptViewLabels; cls: (name: string) => string | undefined }) {
  const { label, raw, labels, cls } = props;
  const shown = useMemo(() => formatToolText(raw), [raw]);
  return (
    <>
      <dt className={cls('tool-label')}>{label}</dt>
      <dd className={cls('tool-value')}>
        <pre className={cls('tool-code')}>{shown.text}</pre>
        {shown.hidden > 0 ? <span className={cls('marker')}>{resolveLabel(labels.toolTruncated, shown.hidden)}</span> : null}
      </dd>
    </>
  );
}
