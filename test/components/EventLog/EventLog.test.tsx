import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLog, createRingBuffer, useEventLog } from '../../../src/components/index.ts';
import { stringifyForLog } from '../../../src/components/EventLog/stringifyForLog.ts';
import { RealtimeProvider } from '../../../src/react/index.ts';
import { createFakeSession } from '../../react/helpers/createFakeSession.ts';

afterEach(cleanup);

const nextFrame = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 40)));

describe('createRingBuffer', () => {
  it('keeps the newest entries, oldest first, and never more than its capacity', () => {
    const buffer = createRingBuffer<number>(3);
    for (let i = 1; i <= 7; i += 1) buffer.push(i);
    expect(buffer.toArray()).toEqual([5, 6, 7]);
    expect(buffer.size).toBe(3);
    expect(buffer.total).toBe(7);
  });

  it('holds fewer than capacity without gaps, and clears', () => {
    const buffer = createRingBuffer<string>(4);
    buffer.push('a');
    buffer.push('b');
    expect(buffer.toArray()).toEqual(['a', 'b']);
    buffer.clear();
    expect(buffer.toArray()).toEqual([]);
    buffer.push('c');
    expect(buffer.toArray()).toEqual(['c']);
  });

  it('resizes from another buffer: the newest entries and the total carry over', () => {
    const buffer = createRingBuffer<number>(4);
    for (let i = 1; i <= 6; i += 1) buffer.push(i);
    const smaller = createRingBuffer(2, buffer);
    expect(smaller.toArray()).toEqual([5, 6]);
    expect(smaller.total).toBe(6);
    const bigger = createRingBuffer(8, buffer);
    bigger.push(7);
    expect(bigger.toArray()).toEqual([3, 4, 5, 6, 7]);
    expect(bigger.total).toBe(7);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => createRingBuffer(0)).toThrow(RangeError);
    expect(() => createRingBuffer(1.5)).toThrow(RangeError);
  });
});

describe('EventLog', () => {
  function setup(capacity?: number) {
    const session = createFakeSession();
    render(
      <RealtimeProvider session={session}>
        <EventLog capacity={capacity} />
      </RealtimeProvider>,
    );
    return session;
  }

  it('shows raw JSON as text, never HTML, and shortens long strings', async () => {
    const session = setup();
    act(() =>
      session.emit({
        type: 'server_event',
        known: false,
        event: { type: 'custom.thing', html: '<img src=x onerror=alert(1)>', audio: 'A'.repeat(5000) },
      }),
    );
    await nextFrame();
    const list = screen.getByRole('list');
    expect(list.querySelector('img')).toBeNull();
    expect(list.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(list.textContent).toContain('server:custom.thing');
    expect(list.textContent).toContain('(5000 chars)');
    expect(list.textContent).not.toContain('A'.repeat(500));
  });

  it('stays within its capacity, newest first', async () => {
    const session = setup(10);
    act(() => {
      for (let i = 0; i < 50; i += 1) session.emit({ type: 'muted_changed', muted: i % 2 === 0 });
    });
    await nextFrame();
    const entries = screen.getAllByRole('listitem');
    expect(entries).toHaveLength(10);
    expect(entries[0]?.textContent).toContain('#50');
    expect(screen.getByText('10 shown, 50 received')).toBeTruthy();
  });

  it('filters by type', async () => {
    const session = setup();
    act(() => {
      session.emit({ type: 'muted_changed', muted: true });
      session.emit({ type: 'speech_started', itemId: 'i1', audioStartMs: 10 });
      session.emit({ type: 'speech_started', itemId: 'i2', audioStartMs: 20 });
    });
    await nextFrame();
    fireEvent.change(screen.getByLabelText('Filter by type'), { target: { value: 'speech_started' } });
    expect(screen.getAllByRole('listitem').map((li) => li.dataset.type)).toEqual(['speech_started', 'speech_started']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });

  it('keeps offering the active filter once its entries are gone, and keeps filtering by it', async () => {
    const session = setup(3);
    act(() => session.emit({ type: 'speech_started', itemId: 'i1', audioStartMs: 10 }));
    await nextFrame();
    const select = screen.getByLabelText('Filter by type') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'speech_started' } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    act(() => {
      for (let i = 0; i < 3; i += 1) session.emit({ type: 'muted_changed', muted: i % 2 === 0 });
    });
    await nextFrame();
    // The menu shows what filters the list: the selected option is the active filter.
    expect(select.value).toBe('speech_started');
    expect(select.selectedOptions[0]?.textContent).toBe('speech_started');
    expect(screen.getByText('0 shown, 4 received')).toBeTruthy();
    act(() => session.emit({ type: 'speech_started', itemId: 'i2', audioStartMs: 20 }));
    await nextFrame();
    expect(screen.getAllByRole('listitem').map((li) => li.dataset.type)).toEqual(['speech_started']);
  });

  it('keeps the newest entries when its capacity changes', async () => {
    const session = createFakeSession();
    const { result, rerender } = renderHook(({ capacity }: { capacity: number }) => useEventLog({ session, capacity }), {
      initialProps: { capacity: 5 },
    });
    act(() => {
      for (let i = 0; i < 5; i += 1) session.emit({ type: 'muted_changed', muted: i % 2 === 0 });
    });
    await nextFrame();
    rerender({ capacity: 3 });
    expect(result.current.entries.map((entry) => entry.seq)).toEqual([5, 4, 3]);
    expect(result.current.total).toBe(5);
    rerender({ capacity: 10 });
    act(() => session.emit({ type: 'muted_changed', muted: true }));
    await nextFrame();
    expect(result.current.entries.map((entry) => entry.seq)).toEqual([6, 5, 4, 3]);
    expect(result.current.total).toBe(6);
  });

  it('logs cyclic objects and BigInts instead of throwing, without a spurious error event', async () => {
    const session = setup();
    const seenErrors: string[] = [];
    session.on('error', (event) => seenErrors.push(event.error.message));
    const cyclic: Record<string, unknown> = { type: 'custom.cyclic', size: 10n };
    cyclic.self = cyclic;
    act(() => session.emit({ type: 'server_event', known: false, event: cyclic as { type: string } }));
    await nextFrame();
    expect(seenErrors).toEqual([]);
    const entries = screen.getAllByRole('listitem');
    expect(entries.map((li) => li.dataset.type)).toEqual(['server:custom.cyclic']);
    expect(entries[0]?.textContent).toContain('"self": "[Circular]"');
    expect(entries[0]?.textContent).toContain('"size": "10n"');
  });

  it('caps each entry, however big the event', async () => {
    const session = createFakeSession();
    const { result } = renderHook(() => useEventLog({ session, maxEntryLength: 1000 }));
    act(() =>
      session.emit({
        type: 'server_event',
        known: false,
        event: { type: 'custom.big', items: Array.from({ length: 20_000 }, (_, i) => i) },
      }),
    );
    await nextFrame();
    const json = result.current.entries[0]?.json ?? '';
    expect(json.length).toBeLessThan(1100);
    expect(json).toMatch(/cut at 1000 chars\)$/);
  });
});

describe('stringifyForLog', () => {
  const options = { maxStringLength: 160, maxLength: 100_000 };

  it('prints what JSON.stringify(value, null, 2) prints for plain values', () => {
    const values: unknown[] = [
      {},
      [],
      { a: 1, b: [1, 2, { c: 'x', d: undefined, e: () => 1 }], f: null, g: [], h: {} },
      [undefined, Number.NaN, -0],
      'x',
      3,
      true,
      null,
      { at: new Date(0), nested: { deep: [[]] } },
    ];
    for (const value of values) expect(stringifyForLog(value, options)).toBe(JSON.stringify(value, null, 2));
  });

  it('prints shared (non-cyclic) references in full, and cuts long strings', () => {
    const shared = { a: 1 };
    const text = stringifyForLog({ pair: [shared, shared], audio: 'A'.repeat(500) }, options);
    expect(JSON.parse(text)).toEqual({ pair: [{ a: 1 }, { a: 1 }], audio: `${'A'.repeat(160)}… (500 chars)` });
  });

  it('never throws: a throwing getter is noted', () => {
    const hostile = {
      a: 1,
      get b(): number {
        throw new Error('nope');
      },
    };
    expect(stringifyForLog(hostile, options)).toMatch(/\[unserializable: nope\]$/);
  });
});
