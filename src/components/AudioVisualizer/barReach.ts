/**
 * How far a bar's caps travel from its middle at full height, in px: half its length minus a
 * cap (its width). Measured by a `ResizeObserver` (never by reading layout in the frame loop),
 * so it follows the `--rrk-visualizer-bar-*` sizes, and `onChange` redraws at a new size.
 * Where there is no `ResizeObserver` (a server, jsdom) it reads 0: the bodies still scale.
 *
 * @example
 * ```ts
 * const reach = trackBarReach(firstBar, () => writer.redraw());
 * const px = reach.get();
 * reach.stop();
 * ```
 */
export function trackBarReach(bar: HTMLElement | null, onChange: () => void): { get: () => number; stop: () => void } {
  let reach = 0;
  if (!bar || typeof ResizeObserver !== 'function') return { get: () => reach, stop: () => {} };
  const observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]!.contentRect;
    const next = Math.max(0, (box.height - box.width) / 2);
    if (next === reach) return;
    reach = next;
    onChange();
  });
  observer.observe(bar);
  return { get: () => reach, stop: () => observer.disconnect() };
}
