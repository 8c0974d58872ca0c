/** A Chromium trace event (the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs: unlike `dur`, it does not grow while the thread waits for a core. */
  tdur?: number;
  pid: number;
  tid: number;
}

/** Main-thread CPU time per animation frame, ms. */
export interface FrameCosts {
  /** The requestAnimationFrame callbacks (`FireAnimationFrame`). */
  animationFrameCallbacks: number[];
  /** The whole task that ran the frame: callbacks, style, layout, pre-paint, paint, layerize, commit. */
  wholeFrame: number[];
  /** Mean ms per frame of each kind of work inside those tasks (style, paint...), largest first. */
  meanByKind: Array<[string, number]>;
}

// The steps of a frame's rendering, as named in the trace (nested ones left out, not to count twice).
const RENDERING_STEPS = new Set(['FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);

/**
 * Per-frame main-thread costs from a `devtools.timeline` trace, for the frames of the last
 * `windowMs` before the last animation frame. Each frame is the renderer's task that fired
 * its animation frame callbacks (`RunTask` around `FireAnimationFrame`); costs are thread time
 * (`tdur`), so a loaded machine that delays the thread does not inflate them.
 */
export function framesFromTrace(events: readonly TraceEvent[], windowMs: number): FrameCosts {
  const fired = events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X');
  const last = fired.at(-1);
  if (!last) return { animationFrameCallbacks: [], wholeFrame: [], meanByKind: [] };
  const from = last.ts - windowMs * 1000;
  const tasks = events
    .filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ph === 'X' && e.pid === last.pid && e.tid === last.tid)
    .sort((a, b) => a.ts - b.ts);
  const perTask = new Map<TraceEvent, number>();
  for (const callback of fired) {
    if (callback.ts < from || callback.pid !== last.pid || callback.tid !== last.tid) continue;
    const task = tasks.find((t) => t.ts <= callback.ts && callback.ts <= t.ts + (t.dur ?? 0));
    if (!task) continue;
    perTask.set(task, (perTask.get(task) ?? 0) + cpu(callback));
  }
  const animationFrameCallbacks: number[] = [];
  const wholeFrame: number[] = [];
  const byKind = new Map<string, number>();
  const steps = events.filter((e) => RENDERING_STEPS.has(e.name) && e.ph === 'X' && e.pid === last.pid && e.tid === last.tid);
  for (const [task, callbacks] of perTask) {
    animationFrameCallbacks.push(callbacks / 1000);
    wholeFrame.push(cpu(task) / 1000);
    for (const step of steps) {
      if (step.ts >= task.ts && step.ts <= task.ts + (task.dur ?? 0)) byKind.set(step.name, (byKind.get(step.name) ?? 0) + cpu(step));
    }
  }
  const meanByKind = [...byKind]
    .map(([name, total]): [string, number] => [name, total / 1000 / Math.max(1, perTask.size)])
    .sort((a, b) => b[1] - a[1]);
  return { animationFrameCallbacks, wholeFrame, meanByKind };
}

const cpu = (event: TraceEvent) => event.tdur ?? event.dur ?? 0;
