/**
 * Layout for jsdom, which has none, so the transcript's windowing (`useVirtualRows`) can be
 * tested: the log gets a `layout.viewport` px tall view, each row the height its text names
 * ("h90" is 90 px tall) plus whatever `layout.extra` adds for its index, and scrolling clamps
 * like a browser's. ResizeObservers are recorded: `resizeAll` is the browser reporting a change
 * of size, and `observedInCallback` lists the elements observed while a callback ran.
 * Call `installFakeLayout()` at the top of a test file.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import type { TranscriptItem } from '../../../src/core/session/types.ts';
import { message } from '../helpers/transcriptItems.ts';

const DEFAULT_VIEWPORT = 400;

/** What the fake browser lays out; tests change it, then call `resizeAll`. */
export const layout = {
  hidden: false,
  viewport: DEFAULT_VIEWPORT,
  /** Extra px for the row of an index (a row that grew by itself). */
  extra: new Map<number, number>(),
};

const scrollTops = new WeakMap<HTMLElement, number>();
const isLog = (element: HTMLElement) => element.getAttribute('role') === 'log';
/** The log's list of rows (its first child). */
export const listOf = (log: HTMLElement) => log.firstElementChild as HTMLElement | null;
const heightInText = (row: HTMLElement) => Number(/h(\d+)/.exec(row.textContent ?? '')?.[1] ?? 0);
/** A rendered row's height: the one its text names, plus its `layout.extra`. */
export const rowHeight = (row: HTMLElement) => heightInText(row) + (layout.extra.get(Number(row.dataset.index)) ?? 0);
const scrollHeightOf = (log: HTMLElement) =>
  layout.hidden ? 0 : Math.max(layout.viewport, parseFloat(listOf(log)?.style.height ?? '') || 0);

/** The fake ResizeObservers alive now. */
const observers: { callback: () => void }[] = [];
/** Elements observed while a ResizeObserver callback ran (a browser cannot deliver those in the same frame). */
export const observedInCallback: Element[] = [];
/** Every element observed and not unobserved since. */
export const observed = new Set<Element>();
let inCallback = false;

/** The browser reports a change of size to every ResizeObserver. */
export function resizeAll() {
  act(() => {
    inCallback = true;
    try {
      for (const observer of [...observers]) observer.callback();
    } finally {
      inCallback = false;
    }
  });
}

/** `count` rows; row i is `height(i)` px tall; ids `${prefix}${i}`. */
export const rowsOf = (count: number, height: (index: number) => number, prefix = 'm'): TranscriptItem[] =>
  Array.from({ length: count }, (_, i) => message(`${prefix}${i}`, i % 2 ? 'assistant' : 'user', `Line ${i} h${height(i)}`));

/** The rendered rows: index, top (from the transform) and height. */
export function shownRows() {
  return [...screen.getByRole('log').querySelectorAll<HTMLElement>('[data-index]')].map((row) => ({
    index: Number(row.dataset.index),
    top: Number(/translateY\(([\d.]+)px\)/.exec(row.style.transform)?.[1] ?? NaN),
    height: rowHeight(row),
    absolute: row.style.position === 'absolute',
  }));
}

/** Scroll the log as a user would (the browser clamps, then fires `scroll`). */
export function scrollLogTo(top: number) {
  const log = screen.getByRole('log');
  act(() => {
    log.scrollTop = top;
    fireEvent.scroll(log);
  });
}

/** Every px of the viewport is covered by a rendered row. */
export function expectViewportCovered() {
  const { scrollTop } = screen.getByRole('log');
  const rows = shownRows();
  for (let y = scrollTop; y < scrollTop + layout.viewport; y += 5) {
    expect(rows.some((row) => row.top <= y && row.top + row.height > y), `row at ${y}`).toBe(true);
  }
}

const saved = new Map<string, PropertyDescriptor | undefined>();
function fake(name: string, descriptor: PropertyDescriptor) {
  saved.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));
  Object.defineProperty(HTMLElement.prototype, name, { configurable: true, ...descriptor });
}

/** Fake layout and ResizeObserver for the whole file; reset after each test. */
export function installFakeLayout() {
  beforeAll(() => {
    fake('offsetHeight', {
      get(this: HTMLElement) {
        if (layout.hidden) return 0;
        if (isLog(this)) return layout.viewport;
        return this.hasAttribute('data-index') ? rowHeight(this) : 0;
      },
    });
    fake('clientHeight', {
      get(this: HTMLElement) {
        return isLog(this) && !layout.hidden ? layout.viewport : 0;
      },
    });
    fake('scrollHeight', {
      get(this: HTMLElement) {
        return isLog(this) ? scrollHeightOf(this) : 0;
      },
    });
    fake('scrollTop', {
      get(this: HTMLElement) {
        return scrollTops.get(this) ?? 0;
      },
      set(this: HTMLElement, value: number) {
        scrollTops.set(this, Math.max(0, Math.min(value, scrollHeightOf(this) - layout.viewport)));
      },
    });
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(readonly callback: () => void) {
          observers.push(this);
        }
        observe(element: Element) {
          observed.add(element);
          if (inCallback) observedInCallback.push(element);
        }
        unobserve(element: Element) {
          observed.delete(element);
        }
        disconnect() {
          observers.splice(observers.indexOf(this), 1);
        }
      },
    );
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
    }
  });
  afterEach(() => {
    cleanup();
    layout.hidden = false;
    layout.viewport = DEFAULT_VIEWPORT;
    layout.extra.clear();
    observedInCallback.length = 0;
    observed.clear();
  });
}
