import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';

describe('createVirtualClock', () => {
  it('runs due timers in order, including timers scheduled by callbacks', () => {
    const clock = createVirtualClock(100);
    const log: string[] = [];
    clock.setTimeout(() => log.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => {
      log.push(`a@${clock.now()}`);
      clock.setTimeout(() => log.push(`c@${clock.now()}`), 5);
      clock.setTimeout(() => log.push(`late@${clock.now()}`), 500);
    }, 10);
    clock.setTimeout(() => log.push(`tie@${clock.now()}`), 20);
    expect(clock.pending()).toBe(3);
    clock.advance(50);
    expect(log).toEqual(['a@110', 'c@115', 'b@120', 'tie@120']);
    expect(clock.now()).toBe(150);
    expect(clock.pending()).toBe(1);
  });

  it('clears timers and never runs a timer early', () => {
    const clock = createVirtualClock();
    let ran = 0;
    const handle = clock.setTimeout(() => ran++, 10);
    clock.setTimeout(() => ran++, 10);
    clock.clearTimeout(handle);
    clock.advance(9);
    expect(ran).toBe(0);
    clock.advance(1);
    expect(ran).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it('treats zero and negative delays as due now', () => {
    const clock = createVirtualClock();
    let ran = 0;
    clock.setTimeout(() => ran++, -5);
    clock.setTimeout(() => ran++, 0);
    clock.advance(0);
    expect(ran).toBe(2);
    clock.advanceTo(-10);
    expect(clock.now()).toBe(0);
  });
});
