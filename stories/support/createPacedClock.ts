import type { Clock } from '../../src/index.ts';
import { createVirtualClock } from '../../src/testing/index.ts';

/**
 * A virtual clock that a story can let run in real time (`speed` times faster) or hold still,
 * and that a play function can run *until a state is reached*, deterministically.
 */
export interface PacedClock extends Clock {
  /** Move by itself, `speed` times faster than real time (a person watching the story). */
  play(): void;
  /** Stop: nothing scripted happens until `play()` or `runUntil()`. */
  hold(): void;
  /**
   * Move (at the same pace as `play()`) until `reached()` is true, then hold there. `reached` is
   * checked after every instant at which a timer fires, once the promises that instant started
   * have settled, so a state cannot slip by however late the page gets to run (a busy machine
   * only makes the pacing catch up in bursts). Resolves at once if `reached()` is already true.
   * Rejects, naming `what`, if nothing is left to happen (no timer pending) or `budgetMs` of
   * clock time pass first.
   */
  runUntil(reached: () => boolean, what: string, budgetMs?: number): Promise<void>;
  /** Whether the clock is held. */
  readonly held: boolean;
  /** Stop for good (the story unmounted); a pending `runUntil` rejects. */
  dispose(): void;
}

interface Goal {
  reached: () => boolean;
  what: string;
  deadline: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A macrotask without the 4 ms clamp of nested `setTimeout(0)`: promise chains settle before it. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const DEFAULT_BUDGET_MS = 180_000;

/**
 * Create a held {@link PacedClock} at time 0.
 *
 * Why not a clock on `Date.now()` scaled by `speed`: when a busy machine starves the page for a
 * second, every timer of that second fires in one burst and React commits only the last state,
 * so a play function waiting for the idle banner could find the session already past it. Here
 * time only moves timer by timer, and `runUntil` stops exactly at the state it waits for.
 *
 * @example
 * ```ts
 * const clock = createPacedClock(2);
 * const session = createRealtimeSession({ transport: createMockTransport({ clock }), clock });
 * await clock.runUntil(() => session.getState().idle.phase === 'timed_out', 'the idle timeout');
 * ```
 */
export function createPacedClock(speed: number): PacedClock {
  const virtual = createVirtualClock(0);
  let held = true;
  let disposed = false;
  let anchorReal = 0;
  let anchorVirtual = 0;
  let goal: Goal | null = null;
  let pumping = false;
  let wake: ReturnType<typeof setTimeout> | undefined;

  const target = () => anchorVirtual + (performance.now() - anchorReal) * speed;

  const settle = (error?: Error) => {
    const done = goal;
    goal = null;
    held = true;
    if (!done) return;
    if (error) done.reject(error);
    else done.resolve();
  };

  const sleep = (realMs: number) => {
    if (wake !== undefined) clearTimeout(wake);
    wake = setTimeout(() => {
      wake = undefined;
      void pump();
    }, realMs);
  };

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (!held && !disposed) {
        if (goal?.reached()) return settle();
        const next = virtual.nextTimerAt();
        if (goal && (next === null || next > goal.deadline)) {
          const at = (virtual.now() / 1000).toFixed(1);
          return settle(
            new Error(
              next === null
                ? `The scenario came to rest at ${at} s without reaching ${goal.what}.`
                : `The scenario ran ${goal.deadline / 1000} s of clock time without reaching ${goal.what}.`,
            ),
          );
        }
        const now = target();
        if (next !== null && next <= now) {
          try {
            virtual.advanceTo(next);
          } catch (error) {
            // A timer threw (a bug in the session or the script): fail the play function, loudly.
            held = true;
            if (goal) return settle(error as Error);
            throw error;
          }
          // Let what this instant started through promises (a connect resolving) finish first.
          await yieldToEventLoop();
          continue;
        }
        // Nothing due yet: let time flow for whatever reads `now()`, and sleep until the next timer.
        virtual.advanceTo(now);
        if (next !== null) sleep((next - now) / speed);
        return;
      }
    } finally {
      pumping = false;
    }
  }

  const start = () => {
    if (disposed) return;
    if (held) {
      held = false;
      anchorReal = performance.now();
      anchorVirtual = virtual.now();
    }
    void pump();
  };

  return {
    now() {
      // Between timers, time flows for whatever reads it (a level meter, a smoothed
      // visualizer), as far as the pump would move it now: never onto a timer, which fires
      // only in the pump. Held, or inside the pump, it reads the virtual time as is.
      if (!held && !disposed && !pumping) {
        const at = target();
        const next = virtual.nextTimerAt();
        if (at > virtual.now() && (next === null || at < next)) virtual.advanceTo(at);
      }
      return virtual.now();
    },
    setTimeout(callback, ms) {
      const handle = virtual.setTimeout(callback, ms);
      // A timer set by a user action (a click while the clock runs) may be due before the
      // wake-up: let the pump look again (inside the pump, it looks anyway).
      if (!held && !pumping) queueMicrotask(() => void pump());
      return handle;
    },
    clearTimeout: (handle) => virtual.clearTimeout(handle),
    get held() {
      return held;
    },
    play() {
      if (goal) return;
      start();
    },
    hold() {
      if (goal) settle(new Error(`The clock was held before reaching ${goal.what}.`));
      held = true;
      if (wake !== undefined) clearTimeout(wake);
      wake = undefined;
    },
    runUntil(reached, what, budgetMs = DEFAULT_BUDGET_MS) {
      if (disposed) return Promise.reject(new Error('The scenario is gone (the story unmounted).'));
      if (goal) return Promise.reject(new Error(`Already running until ${goal.what}.`));
      if (reached()) {
        this.hold();
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        goal = { reached, what, deadline: virtual.now() + budgetMs, resolve, reject };
        start();
      });
    },
    dispose() {
      if (goal) settle(new Error('The scenario is gone (the story unmounted).'));
      disposed = true;
      held = true;
      if (wake !== undefined) clearTimeout(wake);
    },
  };
}
