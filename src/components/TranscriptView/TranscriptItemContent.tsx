import { memo } from 'react';
import type { TranscriptItem, TranscriptRole } from '../../core/session/types.ts';
import type { Label } from '../internal/resolveLabel.ts';
import { resolveLabel } from '../internal/resolveLabel.ts';
import { TranscriptToolCall, toolStateOf } from './TranscriptToolCall.tsx';

/** Every visible string of the transcript. Functions receive the item, for numbers. */
export interface TranscriptViewLabels {
  /** Accessible name of the log. */
  log: string;
  /** Speaker names shown above each turn. */
  roles: Record<TranscriptRole, string>;
  /** Marker after a reply the user cut off. */
  interrupted: string;
  /** Marker after a reply the server cut short (token limit, content filter). */
  incomplete: string;
  /** The idle marker that replaces the silent user item of a timeout. */
  idle: Label<TranscriptItem>;
  /** Shown for a user item whose transcription failed. */
  failed: Label<TranscriptItem>;
  /** A user audio item that has no transcript (transcription off, or its connection ended first). */
  noTranscript: string;
  /** A finished user audio item whose transcript is still on its way. */
  transcribing: string;
  /** A tool call row: what was called. */
  toolCall: Label<TranscriptItem>;
  /** The MCP server of a remote MCP call, after the tool's name. */
  toolServer: Label<TranscriptItem>;
  /** Where a tool call stands while it runs and once it is answered. */
  toolState: { running: string; completed: string };
  /** Shown for a tool call that failed (a client tool's error, or a remote MCP call's), with its error. */
  toolFailed: Label<TranscriptItem>;
  /** A tool's output whose call is not in the transcript. */
  toolResult: string;
  /** Headings of a tool call's details. */
  toolArguments: string;
  toolOutput: string;
  /** After a tool's text cut short (a huge output), with the number of characters left out. */
  toolTruncated: Label<number>;
  /** Shown when there is nothing yet. */
  empty: string;
  /** The button that appears once the user scrolled up. */
  jumpToLatest: string;
}

/**
 * The default English copy. A key you pass in `labels` replaces the default's whole value, so
 * spread the default `roles` to rename one speaker.
 *
 * @example
 * ```tsx
 * <TranscriptView labels={{ roles: { ...defaultTranscriptViewLabels.roles, assistant: 'Ava' } }} />
 * ```
 */
export const defaultTranscriptViewLabels: TranscriptViewLabels = {
  log: 'Conversation',
  roles: { user: 'You', assistant: 'Assistant', system: 'System', tool: 'Tool' },
  interrupted: 'Interrupted',
  incomplete: 'Cut short',
  idle: (item) => `No reply for ${Math.round((item.idle?.idleMs ?? 0) / 1000)} s`,
  failed: 'Transcription failed',
  noTranscript: 'Audio message',
  transcribing: 'Transcribing…',
  toolCall: (item) => `Called ${item.tool?.name || 'a tool'}`,
  toolServer: (item) => `on ${item.tool?.serverLabel ?? ''}`,
  toolState: { running: 'Running…', completed: 'Done' },
  toolFailed: (item) => `Failed: ${item.error?.message ?? 'the tool reported an error'}`,
  toolResult: 'Tool result',
  toolArguments: 'Arguments',
  toolOutput: 'Output',
  toolTruncated: (count) => `… and ${count} more characters`,
  empty: 'No messages yet.',
  jumpToLatest: 'Jump to latest',
};

/** Props of {@link TranscriptItemContent}. */
export interface TranscriptItemContentProps {
  item: TranscriptItem;
  labels: TranscriptViewLabels;
  unstyled?: boolean;
  /** Input transcription is on: an empty user item is waiting for its text, not textless. */
  transcriptionOn?: boolean;
  /**
   * For a function call's row: the output of its `function_call_output` row, shown when the
   * call's own row carries none (`TranscriptView` pairs them and shows the output row no more).
   */
  toolOutput?: string;
}

/**
 * The default rendering of one transcript row. Use it inside `renderItem` to wrap or decorate
 * the default instead of replacing it. Wire text is rendered as React text, never as HTML.
 * A tool call (a client function call or a remote MCP call) is one compact row: what was
 * called, where it stands (`data-tool-state`: running, completed, failed), and a disclosure with
 * its arguments and output.
 * Memoized: a finished row whose item object did not change does not render again.
 *
 * @example
 * ```tsx
 * <TranscriptView renderItem={(item, { labels }) => (
 *   <div className="row"><TranscriptItemContent item={item} labels={labels} /></div>
 * )} />
 * ```
 */
export const TranscriptItemContent = memo(function TranscriptItemContent({
  item,
  labels,
  unstyled = false,
  transcriptionOn = false,
  toolOutput,
}: TranscriptItemContentProps) {
  const cls = (name: string) => (unstyled ? undefined : `rrk-transcript__${name}`);

  if (item.kind === 'idle_timeout') {
    return (
      <div className={cls('idle')} data-kind="idle_timeout" data-source={item.idle?.source}>
        {resolveLabel(labels.idle, item)}
      </div>
    );
  }

  let body: string = item.text;
  let placeholder = false;
  if (!body && item.role === 'user' && (item.status === 'completed' || item.status === 'incomplete')) {
    // `incomplete`: its connection ended before the transcript came; it never will.
    body = transcriptionOn && item.status === 'completed' ? labels.transcribing : labels.noTranscript;
    placeholder = true;
  }
  const failed = item.status === 'failed';
  // A tool call's row: busy while the tool runs, which its own state tells (not the wire item's).
  const toolState = item.kind === 'tool_call' ? toolStateOf(item) : undefined;

  return (
    <div
      className={cls('item')}
      data-role={item.role}
      data-kind={item.kind}
      data-status={item.status}
      data-tool-state={toolState}
      aria-busy={(item.kind === 'tool_call' ? toolState === 'running' : item.status === 'in_progress') || undefined}
    >
      {item.kind === 'tool_call' ? (
        <TranscriptToolCall item={item} labels={labels} cls={cls} output={toolOutput} />
      ) : (
        <>
          <span className={cls('speaker')}>{labels.roles[item.role]}</span>
          {failed ? <span className={cls('marker')}>{resolveLabel(labels.failed, item)}</span> : null}
          {body || !failed ? (
            <p className={cls('text')} data-placeholder={placeholder || undefined}>
              {body}
            </p>
          ) : null}
        </>
      )}
      {item.status === 'interrupted' ? <span className={cls('marker')}>{labels.interrupted}</span> : null}
      {item.status === 'incomplete' ? <span className={cls('marker')}>{labels.incomplete}</span> : null}
    </div>
  );
});
