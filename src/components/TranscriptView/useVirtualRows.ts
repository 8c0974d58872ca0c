import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect.ts';

/*
 * The transcript's own windowing, in place of a general virtualizer (issue 12). A chat log is a
 * narrow case: one vertical scroll container, rows keyed by item id, appended at the end. Measured
 * with esbuild (minified, gzip 9, react external) in December 2026:
 *   @tanstack/react-virtual 3.14 + virtual-core 3.19   34.7 kB min, 10.5 kB gz (what we had)
 *   react-window 2.5.4 (List + useDynamicRowHeight)     18.9 kB min,  6.9 kB gz
 *   virtua 0.54 (Virtualizer)                            7.8 kB min,  4.1 kB gz
 *   @tanstack/virtual-core 3.13 (pinned, no React glue)  11.3 kB min,  3.7 kB gz
 *   this file                                             2.0 kB min,  1.1 kB gz
 * On the README's voice page that is 9.7 kB gz less (49.8 → 40.2 kB, same tree otherwise).
 * virtua is well kept and small, but the transcript would still carry its own no-layout window
 * (virtua's `ssrCount` mounts the first rows, the log needs the latest; and virtua needs a
 * ResizeObserver, which jsdom lacks), its own stick-to-bottom and hidden-tab handling, and glue
 * to put `data-index` on virtua's item elements: two windowing paths for one list, at nearly
 * four times these bytes. react-window owns the scroll container; an old virtual-core pin
 * forgoes its fixes. What this file must do is tested in useVirtualRows.test.tsx (jsdom with
 * layout) and in the TranscriptView stories (Chromium, 10,000 items).
 */

/** One rendered row: the item's index, its key, and its top in px within the list. */
export interface VirtualRow {
  index: number;
  key: string;
  start: number;
}

/** What {@link useVirtualRows} needs to know. */
export interface VirtualRowsOptions {
  /** The rows' keys, in order (item ids). Measured heights are kept by key. */
  keys: readonly string[];
  /** The scroll container. */
  scrollRef: RefObject<HTMLElement | null>;
  /** The element whose children are the rows, each with `data-index`. */
  listRef: RefObject<HTMLElement | null>;
  /** Height in px assumed for a row not measured yet. */
  estimateSize: number;
  /** Rows rendered beyond the visible ones, each side. */
  overscan: number;
  /** Rows rendered, the latest ones, while the container has no height. */
  rowsWithoutLayout: number;
  /**
   * The key of a row to keep rendered wherever the view is: the one that holds focus, which
   * would otherwise fall to `<body>` when the row leaves the window.
   */
  keepKey?: string | null;
}

/** What {@link useVirtualRows} returns. */
export interface VirtualRows {
  rows: VirtualRow[];
  /** Height in px of all rows, measured or estimated. */
  totalSize: number;
  /** Height in px of the view the rows show in (0 without layout). */
  viewportHeight: number;
  /** True while the container has no height (server, jsdom, a hidden parent): `rows` are the latest ones, in normal flow. */
  withoutLayout: boolean;
  /** True once the container has had a height: keep the list `totalSize` tall even while hidden. */
  hadLayout: boolean;
  /** Attach to the scroll container's `onScroll`. */
  onScroll: () => void;
  /**
   * Attach to the scroll container's `onKeyDown`: Home and End on the container itself jump at
   * once (default prevented); the caller then handles the scroll as it does `onScroll`.
   */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /**
   * Measure the rows and read the scroll position. Call it in a layout effect that runs after
   * every commit and after anything that moves the scroll position in a layout effect (such as
   * sticking to the bottom), so the rows for that position render before paint.
   */
  measure: () => void;
}

interface Viewport {
  top: number;
  height: number;
  hadLayout: boolean;
  /** Measured row heights by key; replaced, never changed, when a row's height changes. */
  sizes: ReadonlyMap<string, number>;
}

/** The ResizeObserver of the container and the rows, and the rows it watches. */
interface RowObserver {
  resize: ResizeObserver;
  rows: Set<Element>;
  /** True while the observer's callback runs. */
  inCallback: boolean;
  /** Rows that mounted during the callback, observed from the next animation frame. */
  deferred: Element[];
  frame: number | null;
}

/**
 * Watch a row for size changes of its own. Not from inside the observer's callback: a row that
 * mounted there (the rows of a new scroll position) starts at no reported size, at a depth the
 * browser does not deliver again in the same frame, and Chromium then reports "ResizeObserver
 * loop completed with undelivered notifications" as an error on `window` (error monitors and
 * dev overlays show it). Such rows were measured right after their commit; the next frame is
 * soon enough to watch them.
 */
function watchRow(watching: RowObserver, row: Element): void {
  if (watching.rows.has(row)) return;
  watching.rows.add(row);
  if (!watching.inCallback) {
    watching.resize.observe(row);
    return;
  }
  watching.deferred.push(row);
  watching.frame ??= requestAnimationFrame(() => {
    watching.frame = null;
    for (const deferred of watching.deferred.splice(0)) {
      if (watching.rows.has(deferred) && deferred.isConnected) watching.resize.observe(deferred);
    }
  });
}

/**
 * Rows that left the DOM are observed no longer. Right after the commit that removed them, so a
 * removed row (whose size drops to nothing) is not still pending in the callback that scrolled it away.
 */
function forgetDetachedRows(watching: RowObserver): void {
  for (const row of watching.rows) {
    if (!row.isConnected) {
      watching.resize.unobserve(row);
      watching.rows.delete(row);
    }
  }
}

/** The last row whose start is at or before `offset` (binary search over ascending starts). */
function rowAt(starts: Float64Array, count: number, offset: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Window a vertical list of variable, measured rows: only the rows in view (plus `overscan`)
 * are rendered, placed at `start`. Heights are measured after each commit and whenever a row or
 * the container resizes (ResizeObserver, where there is one); a row above the view that changes
 * height moves the scroll position by as much, so the reader's rows stay where they are.
 *
 * @example
 * ```tsx
 * const { rows, totalSize, onScroll, measure } = useVirtualRows({ keys, scrollRef, listRef, estimateSize: 72, overscan: 6, rowsWithoutLayout: 40 });
 * useLayoutEffect(measure);
 * ```
 */
export function useVirtualRows(options: VirtualRowsOptions): VirtualRows {
  const { keys, scrollRef, listRef, estimateSize, overscan, rowsWithoutLayout, keepKey } = options;
  const count = keys.length;
  const [viewport, setViewport] = useState<Viewport>(() => ({ top: 0, height: 0, hadLayout: false, sizes: new Map() }));
  const { sizes } = viewport;

  // Starts of every row, and the total at [count]: O(n) per change, some microseconds for 10,000.
  const starts = useMemo(() => {
    const result = new Float64Array(keys.length + 1);
    for (let i = 0; i < keys.length; i++) result[i + 1] = result[i]! + (sizes.get(keys[i]!) ?? estimateSize);
    return result;
  }, [keys, estimateSize, sizes]);

  // What the DOM shows now, for measuring after the commit (before the caller's `measure`).
  const committed = useRef({ keys, starts, sizes });
  useIsomorphicLayoutEffect(() => {
    committed.current = { keys, starts, sizes };
  });
  // One observer for the container and the rows: a width change, a parent shown or hidden, a
  // row that grows by itself (a custom row's own state, a font that loads).
  const observer = useRef<RowObserver | null>(null);

  const sync = useCallback(
    (flush: boolean) => {
      const container = scrollRef.current;
      if (!container) return;
      // `offsetHeight` says whether there is layout at all (jsdom's is 0 even where a test gives
      // the log a `clientHeight` to scroll); `clientHeight` is the height rows can show in.
      const height = container.offsetHeight > 0 ? container.clientHeight : 0;
      const measured: [string, number][] = [];
      let shift = 0;
      let grown = 0;
      const list = listRef.current;
      // Without a height the rows measure 0: keep what was measured before.
      const watching = observer.current;
      if (watching) forgetDetachedRows(watching);
      const { keys: shownKeys, starts: shownStarts, sizes: shownSizes } = committed.current;
      if (height > 0 && list) {
        for (const row of list.children as HTMLCollectionOf<HTMLElement>) {
          const index = Number(row.dataset.index);
          const key = shownKeys[index];
          if (key === undefined) continue;
          if (watching) watchRow(watching, row);
          const size = row.offsetHeight;
          const before = shownSizes.get(key) ?? estimateSize;
          if (size === before && shownSizes.has(key)) continue;
          measured.push([key, size]);
          grown += size - before;
          // A row wholly above the view grew or shrank: move with it.
          if (shownStarts[index]! + before <= container.scrollTop) shift += size - before;
        }
      }
      if (shift) {
        // Room first: until the update renders, the list is as tall as the committed rows, and
        // the browser would clamp a position past its end (a reader near the end, rows above
        // growing), leaving the reader's rows to jump by the difference.
        if (list) list.style.height = `${shownStarts[shownKeys.length]! + grown}px`;
        container.scrollTop += shift;
      }
      const top = container.scrollTop;
      const update = () =>
        setViewport((previous) => {
          if (measured.length === 0 && previous.top === top && previous.height === height) return previous;
          let sizes = previous.sizes;
          if (measured.length > 0) {
            // Copied for the items shown only: the heights of items that left the transcript (a
            // reset, a truncation) go, so a page that runs session after session keeps no more
            // than one transcript's heights. The same O(n) as copying the whole map.
            const next = new Map<string, number>();
            for (const key of shownKeys) {
              const size = sizes.get(key);
              if (size !== undefined) next.set(key, size);
            }
            for (const [key, size] of measured) next.set(key, size);
            sizes = next;
          }
          return { top, height, hadLayout: previous.hadLayout || height > 0, sizes };
        });
      if (flush) flushSync(update);
      else update();
    },
    [scrollRef, listRef, estimateSize],
  );

  useEffect(() => {
    const container = scrollRef.current;
    if (!container || typeof ResizeObserver === 'undefined') return;
    const watching: RowObserver = {
      resize: new ResizeObserver(() => {
        watching.inCallback = true;
        try {
          sync(true);
        } finally {
          watching.inCallback = false;
        }
      }),
      rows: new Set(),
      inCallback: false,
      deferred: [],
      frame: null,
    };
    observer.current = watching;
    watching.resize.observe(container);
    return () => {
      watching.resize.disconnect();
      if (watching.frame !== null) cancelAnimationFrame(watching.frame);
      observer.current = null;
    };
  }, [scrollRef, sync]);

  const measure = useCallback(() => sync(false), [sync]);
  const onScroll = useCallback(() => sync(true), [sync]);
  // The browser scrolls smoothly on Home and End, and shifts made while rows on the way are
  // measured are added to where that scroll lands (Chromium: rows of ~135 px estimated at 72
  // left Home 1,100 px short of the top). A jump has no way to go wrong. Only on the container:
  // a field or a button in a row keeps its keys.
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const container = scrollRef.current;
      if (!container || event.target !== container || event.shiftKey || event.altKey || event.metaKey) return;
      if (event.key !== 'Home' && event.key !== 'End') return;
      event.preventDefault();
      container.scrollTop = event.key === 'Home' ? 0 : container.scrollHeight;
    },
    [scrollRef],
  );

  const withoutLayout = viewport.height <= 0 || count === 0;
  let first: number;
  let last: number;
  if (withoutLayout) {
    first = Math.max(0, count - rowsWithoutLayout);
    last = count - 1;
  } else {
    first = Math.max(0, rowAt(starts, count, viewport.top) - overscan);
    last = Math.min(count - 1, rowAt(starts, count, viewport.top + viewport.height) + overscan);
  }
  const rowOf = (index: number): VirtualRow => ({ index, key: keys[index]!, start: withoutLayout ? 0 : starts[index]! });
  const rows: VirtualRow[] = [];
  // The kept row, outside the window, goes before or after it: rows stay in reading order.
  const kept = keepKey == null ? -1 : keys.indexOf(keepKey);
  if (kept >= 0 && kept < first) rows.push(rowOf(kept));
  for (let index = first; index <= last; index++) rows.push(rowOf(index));
  if (kept > last) rows.push(rowOf(kept));
  return { rows, totalSize: starts[count]!, viewportHeight: viewport.height, withoutLayout, hadLayout: viewport.hadLayout, onScroll, onKeyDown, measure };
}
