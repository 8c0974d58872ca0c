import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useControllableOpen } from '../../../src/components/internal/useControllableOpen.ts';
import type { UseControllableOpenOptions } from '../../../src/components/internal/useControllableOpen.ts';

afterEach(cleanup);

function renderOpen(initial: UseControllableOpenOptions) {
  return renderHook((props: UseControllableOpenOptions) => useControllableOpen(props), { initialProps: initial });
}

describe('useControllableOpen', () => {
  it('follows naturalOpen when uncontrolled, and reports each change once', () => {
    const reports: boolean[] = [];
    const onOpenChange = (open: boolean) => reports.push(open);
    const { result, rerender } = renderOpen({ open: undefined, naturalOpen: false, onOpenChange });
    expect(result.current.open).toBe(false);
    expect(reports).toEqual([]);
    rerender({ open: undefined, naturalOpen: true, onOpenChange });
    expect(result.current.open).toBe(true);
    rerender({ open: undefined, naturalOpen: true, onOpenChange });
    rerender({ open: undefined, naturalOpen: false, onOpenChange });
    expect(result.current.open).toBe(false);
    expect(reports).toEqual([true, false]);
  });

  it('renders the controlled value whatever naturalOpen says, and still reports what it wants', () => {
    const reports: boolean[] = [];
    const onOpenChange = (open: boolean) => reports.push(open);
    const { result, rerender } = renderOpen({ open: false, naturalOpen: false, onOpenChange });
    rerender({ open: false, naturalOpen: true, onOpenChange });
    expect(result.current.open).toBe(false);
    expect(reports).toEqual([true]);
    rerender({ open: true, naturalOpen: false, onOpenChange });
    expect(result.current.open).toBe(true);
    expect(reports).toEqual([true, false]);
  });

  it('reports true on mount when naturalOpen already is', () => {
    const reports: boolean[] = [];
    renderOpen({ open: undefined, naturalOpen: true, onOpenChange: (open) => reports.push(open) });
    expect(reports).toEqual([true]);
  });

  it('reports a requested close of a part its owner opened (naturalOpen never was)', () => {
    const reports: boolean[] = [];
    const onOpenChange = (open: boolean) => reports.push(open);
    const { result, rerender } = renderOpen({ open: true, naturalOpen: false, onOpenChange });
    act(() => result.current.requestOpenChange(false));
    expect(reports).toEqual([false]);
    rerender({ open: false, naturalOpen: false, onOpenChange });
    act(() => result.current.requestOpenChange(false));
    expect(reports).toEqual([false]);
  });

  it('reports a requested close at once, and not again when naturalOpen follows', () => {
    const reports: boolean[] = [];
    const onOpenChange = (open: boolean) => reports.push(open);
    const { result, rerender } = renderOpen({ open: undefined, naturalOpen: true, onOpenChange });
    act(() => result.current.requestOpenChange(false));
    expect(reports).toEqual([true, false]);
    rerender({ open: undefined, naturalOpen: false, onOpenChange });
    expect(reports).toEqual([true, false]);
  });

  it('calls the latest onOpenChange, and keeps requestOpenChange stable', () => {
    const reports: string[] = [];
    const { result, rerender } = renderOpen({ open: undefined, naturalOpen: false, onOpenChange: () => reports.push('first') });
    const request = result.current.requestOpenChange;
    rerender({ open: undefined, naturalOpen: false, onOpenChange: (open) => reports.push(`second:${open}`) });
    expect(result.current.requestOpenChange).toBe(request);
    act(() => result.current.requestOpenChange(true));
    expect(reports).toEqual(['second:true']);
  });
});
