import { forwardRef, useCallback, useMemo, useRef, useState } from 'react';
import type { FocusEvent, HTMLAttributes, KeyboardEvent, MouseEvent, ReactNode } from 'react';
import type { RealtimeSession, TranscriptItem } from '../../core/session/types.ts';
import { useRealtimeState, useTranscript } from '../../react/index.ts';
import { TranscriptItemContent, defaultTranscriptViewLabels } from './TranscriptItemContent.tsx';
import type { TranscriptViewLabels } from './TranscriptItemContent.tsx';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect.ts';
import { pairToolOutputs } from './pairToolOutputs.ts';
import { OpenToolRows } from './TranscriptToolCall.tsx';
import { useStickToBottom } from './useStickToBottom.ts';
import { useVirtualRows } from './useVirtualRows.ts';

/**
 * Rows rendered while the log has no height (server rendering, jsdom): the latest ones. Enough
 * to fill a tall viewport, few enough to keep the DOM small.
 */
const ROWS_WITHOUT_LAYOUT = 40;

/** What `renderItem` receives besides the item. */
export interface TranscriptRenderContext {
  index: number;
  labels: TranscriptViewLabels;
  /** The default rendering of this item, to wrap or decorate. */
  defaultContent: ReactNode;
  /**
   * On a function call's row: its `function_call_output` row, which the view does not show as a
   * row of its own (the call's row shows the output).
   */
  toolOutput?: TranscriptItem;
}

/** Props of {@link TranscriptView}. */
export interface TranscriptViewProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Items to show. Defaults to the session's transcript (`useTranscript`). */
  items?: readonly TranscriptItem[];
  /** An explicit session instead of the provider's (ignored when `items` is given). */
  session?: RealtimeSession;
  /** Show the idle markers of timeouts (default true). */
  showIdleMarkers?: boolean;
  /** Override any visible string; keep the object stable (rows are memoized on it). */
  labels?: Partial<TranscriptViewLabels>;
  /** Custom row content. Text from the wire must stay text: render it as `{item.text}`. */
  renderItem?: (item: TranscriptItem, context: TranscriptRenderContext) => ReactNode;
  /** Drop the default class names (and so the default theme). */
  unstyled?: boolean;
  /** First guess of a row's height in px before it is measured (default 72). */
  estimateItemSize?: number;
  /** Rows rendered beyond the visible ones, each side (default 6). */
  overscan?: number;
}

/**
 * The conversation as an ARIA log: user and assistant turns, text streaming in, interrupted
 * replies marked, idle markers where the user went quiet, failed transcriptions shown, tool
 * calls as compact rows (running, done or failed, with their arguments and output a click or a
 * key press away; a call's `function_call_output` shows on the call's row, not as a row of its own).
 * Virtualized (measured rows, windowed by the view itself), so 10,000 items keep a few dozen
 * rows in the DOM.
 * It sticks to the bottom while text arrives; once the user scrolls up it stays put and shows
 * a "Jump to latest" button, and the log is `aria-live="off"` until pinned again (the rows
 * scrolled into view are not news to read out).
 *
 * Without layout the virtualizer cannot know which rows fit: on the server (`renderToString`),
 * in jsdom (Testing Library, where every size is 0), and while a parent is `display: none`, the
 * log renders the latest 40 items in normal flow instead, so server HTML and tests show the
 * recent conversation (`getByText` finds those rows, not older ones). As soon as the log has a
 * real height it is virtualized; the server and the first client render agree, so hydration
 * does not warn.
 *
 * Styling: `data-stuck` on the root; `data-role`, `data-kind`, `data-status` on each item;
 * CSS variables `--rrk-transcript-*` (height, colours).
 *
 * @example
 * ```tsx
 * <TranscriptView labels={{ idle: (item) => `Silence (${item.idle!.idleMs / 1000} s)` }} />
 * ```
 */
export const TranscriptView = forwardRef<HTMLDivElement, TranscriptViewProps>(function TranscriptView(props, ref) {
  // Two components so that explicit `items` work without any provider (hooks cannot be skipped).
  return props.items ? <TranscriptList {...props} items={props.items} ref={ref} /> : <SessionTranscript {...props} ref={ref} />;
});

/** The session's transcript; a function so the React layer's hook shape stays in one place. */
function useSessionTranscriptItems(session: RealtimeSession | undefined): readonly TranscriptItem[] {
  return useTranscript(session ? { session } : undefined).items;
}

const SessionTranscript = forwardRef<HTMLDivElement, TranscriptViewProps>(function SessionTranscript(props, ref) {
  const items = useSessionTranscriptItems(props.session);
  const transcriptionOn = useRealtimeState(
    (state) => state.session?.audio?.input?.transcription != null,
    props.session ? { session: props.session } : undefined,
  );
  return <TranscriptList {...props} items={items} transcriptionOn={transcriptionOn} ref={ref} />;
});

interface TranscriptListProps extends TranscriptViewProps {
  items: readonly TranscriptItem[];
  transcriptionOn?: boolean;
}

const TranscriptList = forwardRef<HTMLDivElement, TranscriptListProps>(
  function TranscriptList(props, ref) {
    const {
      items: allItems,
      transcriptionOn = false,
      session: _session,
      showIdleMarkers = true,
      labels: labelsProp,
      renderItem,
      unstyled = false,
      estimateItemSize = 72,
      overscan = 6,
      className,
      ...divProps
    } = props;
    const { items, outputs } = useMemo(
      () => pairToolOutputs(showIdleMarkers ? allItems : allItems.filter((item) => item.kind !== 'idle_timeout')),
      [allItems, showIdleMarkers],
    );
    const labels = useMemo(() => ({ ...defaultTranscriptViewLabels, ...labelsProp }), [labelsProp]);

    // The tool rows opened here stay open when they leave the window and come back.
    const [openRows] = useState(() => new Set<string>());
    const scrollRef = useRef<HTMLDivElement>(null);
    const listRef = useRef<HTMLDivElement>(null);
    const keys = useMemo(() => items.map((item) => item.id), [items]);
    // The row that holds focus (a button in a custom row) stays rendered while the reader
    // scrolls away from it, so focus does not fall to <body> and Tab goes on from there.
    const [focusedKey, setFocusedKey] = useState<string | null>(null);
    const onRowFocus = useCallback(
      (event: FocusEvent<HTMLDivElement>) => {
        // The list's child that holds the target (a custom row may use data-index inside).
        let row = event.target as HTMLElement | null;
        while (row && row.parentElement !== event.currentTarget) row = row.parentElement;
        setFocusedKey(row ? (keys[Number(row.dataset.index)] ?? null) : null);
      },
      [keys],
    );
    // Only when focus moved to something outside the rows: from one button of a row to the
    // next, the browser sends focusout and focusin apart (React renders in between), and when
    // the window loses focus there is no new target; the row must stay in both cases.
    const onRowBlur = useCallback((event: FocusEvent<HTMLDivElement>) => {
      const next = event.relatedTarget as Node | null;
      if (next && !event.currentTarget.contains(next)) setFocusedKey(null);
    }, []);
    // Before the log has a height (server, jsdom, hidden parent) `rows` are the latest ones, in
    // normal flow, keyed like the virtual rows so they stay mounted when windowing takes over.
    const { rows, totalSize, viewportHeight, withoutLayout, hadLayout, onScroll: onScrollRows, onKeyDown: onKeyDownRows, measure } = useVirtualRows({
      keys,
      scrollRef,
      listRef,
      estimateSize: estimateItemSize,
      overscan,
      rowsWithoutLayout: ROWS_WITHOUT_LAYOUT,
      keepKey: focusedKey,
    });

    const last = items[items.length - 1];
    const { stuck, jumpToLatest, onScroll: onScrollStick, onWheel } = useStickToBottom(scrollRef, [
      items.length,
      last?.text,
      last?.status,
      totalSize,
      // A log that gets shorter (a phone's keyboard, a panel resized) keeps its scroll position,
      // which would leave the latest rows below the view: pin to the end again.
      viewportHeight,
      // Switching to the virtual rows changes the content's height: pin to the end again.
      withoutLayout,
    ]);
    // After every commit, and after sticking to the bottom moved the scroll position: the rows
    // for where the log is now render before the browser paints.
    useIsomorphicLayoutEffect(measure);
    // A disclosure opened in a row (a tool call's details) grows the row under the pointer.
    // Pinned to the end, the log would move everything above it up by as much, the summary just
    // pressed with it (out of view under tall details). Once the row's new height is measured:
    // the summary goes back where it was, then up only as far as the details need to show, never
    // above the top. The log un-pins if that leaves the end (an upward scroll, seen by onScroll).
    // Seen at the summary's click (a key press on it clicks too), before the details open: a row
    // that mounts open again (scrolled back into the window) must not count.
    const opened = useRef<{ summary: Element; top: number; size: number } | null>(null);
    const onClick = (event: MouseEvent<HTMLDivElement>) => {
      const summary = (event.target as Element).closest('summary');
      const opening = summary && !(summary.parentElement as HTMLDetailsElement).open && !withoutLayout;
      opened.current = opening ? { summary, top: summary.getBoundingClientRect().top, size: totalSize } : null;
    };
    useIsomorphicLayoutEffect(() => {
      const anchor = opened.current;
      const view = scrollRef.current;
      if (!anchor || !view || anchor.size === totalSize) return;
      opened.current = null;
      const top = view.getBoundingClientRect().top + view.clientTop;
      const summaryTop = anchor.summary.getBoundingClientRect().top;
      const rowHeight = anchor.summary.parentElement!.getBoundingClientRect().bottom - summaryTop;
      view.scrollTop -= Math.max(top, Math.min(anchor.top, top + view.clientHeight - rowHeight)) - summaryTop;
    });
    const onScroll = useCallback(() => {
      onScrollStick();
      onScrollRows();
    }, [onScrollStick, onScrollRows]);
    const onKeyDown = useCallback(
      (event: KeyboardEvent<HTMLDivElement>) => {
        onKeyDownRows(event);
        // Home or End jumped: the same as the scroll event it makes (un-pin or pin, new rows).
        if (event.defaultPrevented) onScroll();
      },
      [onKeyDownRows, onScroll],
    );

    const cls = useCallback((name: string) => (unstyled ? undefined : `rrk-transcript__${name}`), [unstyled]);
    const rootClass = unstyled ? className : className ? `rrk-transcript ${className}` : 'rrk-transcript';

    return (
      <div {...divProps} ref={ref} className={rootClass} data-stuck={stuck ? 'true' : 'false'}>
        <div
          ref={scrollRef}
          role="log"
          aria-label={labels.log}
          // A log is a polite live region: screen readers read out the rows added to it. While
          // the reader is scrolled back, the rows added are the window's (older rows coming into
          // view), not new messages (which are not rendered that far down): silent until pinned.
          aria-live={stuck ? undefined : 'off'}
          // Scrollable regions must be reachable by keyboard.
          tabIndex={0}
          className={cls('viewport')}
          onScroll={onScroll}
          onWheel={onWheel}
          onKeyDown={onKeyDown}
          style={unstyled ? { overflowY: 'auto' } : undefined}
        >
          {items.length === 0 ? (
            <p className={cls('empty')}>{labels.empty}</p>
          ) : (
            <div
              ref={listRef}
              onFocus={onRowFocus}
              onBlur={onRowBlur}
              onClick={onClick}
              style={
                // Once windowed, a log that loses its height (a tab switched away, a parent
                // hidden) keeps its full scroll height: the browser keeps its scroll position,
                // which a 40-row box would clamp, so a reader who scrolled up finds the same rows.
                withoutLayout
                  ? hadLayout
                    ? { height: totalSize }
                    : undefined
                  : { height: totalSize, position: 'relative', width: '100%' }
              }
            >
              <OpenToolRows.Provider value={openRows}>
                {rows.map((row) => {
                  const item = items[row.index];
                  if (!item) return null;
                  const toolOutput = outputs && item.tool ? outputs.get(item.tool.callId) : undefined;
                  const defaultContent = (
                    <TranscriptItemContent
                      item={item}
                      labels={labels}
                      unstyled={unstyled}
                      transcriptionOn={transcriptionOn}
                      toolOutput={toolOutput?.text}
                    />
                  );
                  return (
                    <div
                      key={row.key}
                      data-index={row.index}
                      className={cls('row')}
                      style={
                        withoutLayout
                          ? undefined
                          : { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }
                      }
                    >
                      {renderItem ? renderItem(item, { index: row.index, labels, defaultContent, ...(toolOutput ? { toolOutput } : {}) }) : defaultContent}
                    </div>
                  );
                })}
              </OpenToolRows.Provider>
            </div>
          )}
        </div>
        {!stuck && items.length > 0 ? (
          <button
            type="button"
            className={unstyled ? undefined : 'rrk-button rrk-transcript__jump'}
            data-variant="primary"
            onClick={jumpToLatest}
          >
            {labels.jumpToLatest}
          </button>
        ) : null}
      </div>
    );
  },
);
