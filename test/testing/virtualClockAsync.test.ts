import { describe, expect, it } from 'vitest';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import { createMockTransport } from '../../src/testing/createMockTransport.ts';
import { createVirtualClock } from '../../src/testing/createVirtualClock.ts';
import { play, scenario } from '../../src/testing/scenario/index.ts';

describe('VirtualClock.advanceAsync', () => {
  it('lets a delayed connect complete, so a timeline played meanwhile is delivered', async () => {
    const clock = createVirtualClock();
    const transport = createMockTransport({ clock, connectDelayMs: 200 });
    const session = createRealtimeSession({ transport, clock });
    const connecting = session.connect();
    const timeline = scenario().silence(300).userSays('Hi').assistantSays('Hello').build();
    const { done } = play(timeline, { transport, clock });
    await clock.advanceAsync(1e4);
    await connecting;
    expect(await done).toMatchObject({ undelivered: 0, played: timeline.length });
    expect(session.getState().transcript.items.map((item) => item.text)).toEqual(['Hi', 'Hello']);
    expect(clock.now()).toBe(1e4);
  });

  it('runs timers in order and settles promise chains between them', async () => {
    const clock = createVirtualClock(5);
    const log: string[] = [];
    clock.setTimeout(() => {
      void Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => {
          log.push(`promise@${clock.now()}`);
          clock.setTimeout(() => log.push(`chained@${clock.now()}`), 10);
        });
    }, 10);
    clock.setTimeout(() => log.push(`second@${clock.now()}`), 15);
    await clock.advanceAsync(100);
    expect(log).toEqual(['promise@15', 'second@20', 'chained@25']);
  });
});

describe('VirtualClock loop guard', () => {
  it('throws a clear error for a timer that reschedules itself at 0 ms forever', () => {
    const clock = createVirtualClock();
    const again = () => clock.setTimeout(again, 0);
    again();
    expect(() => clock.advance(10)).toThrow(/reschedules itself/);
  });

  it('still runs many timers spread over time', () => {
    const clock = createVirtualClock();
    let runs = 0;
    const tick = () => {
      runs++;
      clock.setTimeout(tick, 1);
    };
    tick();
    clock.advance(50_000);
    expect(runs).toBe(50_001);
    expect(clock.nextTimerAt()).toBe(50_001);
  });
});
