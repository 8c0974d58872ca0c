/**
 * The heights `useVirtualRows` keeps by item id must not outlive the items: a long-lived page
 * that starts session after session (a transcript reset each time) would otherwise keep every
 * height it ever measured. Layout is faked (fakeLayout.ts) so rows are measured.
 */
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TranscriptView } from '../../../src/components/index.ts';
import { installFakeLayout, rowsOf, scrollLogTo } from './fakeLayout.ts';

installFakeLayout();
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every Map that an item id (`<session letter><index>`) was set in, in order of the last set. */
function watchHeightMaps() {
  const maps: Map<unknown, unknown>[] = [];
  const set = Map.prototype.set;
  vi.spyOn(Map.prototype, 'set').mockImplementation(function (this: Map<unknown, unknown>, key: unknown, value: unknown) {
    if (typeof key === 'string' && /^[a-z]\d+$/.test(key)) {
      const at = maps.indexOf(this);
      if (at >= 0) maps.splice(at, 1);
      maps.push(this);
    }
    return set.call(this, key, value);
  });
  return () => maps.at(-1)!;
}

describe('TranscriptView windowing, heights kept', () => {
  it('keeps the heights of the items in the transcript only', () => {
    const latestHeights = watchHeightMaps();
    const { rerender } = render(<TranscriptView items={rowsOf(300, () => 60, 'a')} />);
    scrollLogTo(3_000);
    // Session after session: each transcript replaces the one before (new item ids).
    for (const session of ['b', 'c', 'd', 'e']) {
      rerender(<TranscriptView items={rowsOf(300, () => 60, session)} />);
      scrollLogTo(3_000);
    }
    const kept = [...latestHeights().keys()] as string[];
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.filter((id) => !id.startsWith('e'))).toEqual([]);
  });

  it('keeps the heights of items that stay when others are removed or reordered', () => {
    const latestHeights = watchHeightMaps();
    const items = rowsOf(100, () => 60);
    const { rerender } = render(<TranscriptView items={items} />);
    const measuredBefore = [...latestHeights().keys()] as string[];
    // A truncation (the last 10 items dropped after an interruption), then a reorder of the rest.
    const kept = items.slice(0, 90).reverse();
    rerender(<TranscriptView items={kept} />);
    const ids = new Set(kept.map((item) => item.id));
    const after = [...latestHeights().keys()] as string[];
    expect(after.filter((id) => !ids.has(id))).toEqual([]);
    // The rows measured before and still present keep their height.
    for (const id of measuredBefore.filter((id) => ids.has(id))) expect(after).toContain(id);
  });
});
