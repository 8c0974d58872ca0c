// Every duration the demo gives a timer fits in one: setTimeout holds at most 2^31-1 ms, and a
// longer delay fires after 1 ms instead (a loop that should wait restarts at once).
import { expect, it } from 'vitest';
import type { Clock } from '../../src/core/index.ts';
import { createScaledClock } from '../../src/testing/demo/createScaledClock.ts';
import { createDemoSession } from '../../src/testing/index.ts';

const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

it('refuses a loopDelayMs or connectDelayMs a timer cannot hold, and a negative or non-numeric connectDelayMs', () => {
  expect(() => createDemoSession({ loopDelayMs: 2 ** 31 })).toThrow(/loopDelayMs must be a number of ms from 0 to 2147483647, got 2147483648/);
  expect(() => createDemoSession({ connectDelayMs: 2 ** 31 })).toThrow(/connectDelayMs must be a number of ms from 0 to 2147483647/);
  expect(() => createDemoSession({ connectDelayMs: -1 })).toThrow(/connectDelayMs/);
  expect(() => createDemoSession({ connectDelayMs: Number.NaN })).toThrow(/connectDelayMs/);
  expect(() => createDemoSession({ loopDelayMs: MAX_TIMER_DELAY_MS, connectDelayMs: 0 })).not.toThrow();
});

it('a slowed-down clock never asks its base for a delay longer than a timer holds', () => {
  const asked: number[] = [];
  const base: Clock = { now: () => 0, setTimeout: (_callback, ms) => asked.push(ms), clearTimeout: () => undefined };
  const slow = createScaledClock(base, 1e-6);
  slow.setTimeout(() => undefined, 20_000);
  expect(asked).toEqual([MAX_TIMER_DELAY_MS]);
});
