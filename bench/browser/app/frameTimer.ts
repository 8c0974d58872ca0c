// Times every requestAnimationFrame callback of the page, grouped by frame (the callbacks of one
// frame share its timestamp). On this page the only ones are the visualizer's level loop, so a
// frame's total is the visualizer's main-thread JavaScript per frame: reading the meter,
// smoothing, and writing styles. Installed before the kit loads, so the kit's loop goes through it.

/** What {@link installFrameTimer} recorded since the last `reset()`. */
export interface FrameTimes {
  /** Milliseconds of rAF callbacks per frame, one entry per frame. */
  perFrame: number[];
  /** Frames in which the visualizer's shown level changed (proof that it was drawing). */
  changedFrames: number;
}

export interface FrameTimer {
  reset(): void;
  take(): FrameTimes;
}

export function installFrameTimer(readShown: () => string): FrameTimer {
  const native = window.requestAnimationFrame.bind(window);
  let perFrame: number[] = [];
  let frameStamp = -1;
  let lastShown = '';
  let changedFrames = 0;
  window.requestAnimationFrame = (callback: FrameRequestCallback) =>
    native((timestamp) => {
      const started = performance.now();
      try {
        callback(timestamp);
      } finally {
        const spent = performance.now() - started;
        if (timestamp !== frameStamp) {
          frameStamp = timestamp;
          perFrame.push(spent);
          const shown = readShown();
          if (shown !== lastShown) changedFrames++;
          lastShown = shown;
        } else {
          perFrame[perFrame.length - 1] = (perFrame.at(-1) ?? 0) + spent;
        }
      }
    });
  return {
    reset() {
      perFrame = [];
      changedFrames = 0;
    },
    take: () => ({ perFrame: [...perFrame], changedFrames }),
  };
}
