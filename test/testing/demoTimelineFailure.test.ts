// A timeline function that throws (a scenario built with a bad argument) must not leave the
// demo "Connected" with nothing playing and nothing said: the connection fails with the reason.
import { expect, it } from 'vitest';
import { createDemoSession, createVirtualClock, scenario } from '../../src/testing/index.ts';

it('a timeline that cannot be built fails the connection with its reason, and a loop does not retry it', async () => {
  const clock = createVirtualClock();
  let built = 0;
  const demo = createDemoSession({
    clock,
    loop: true,
    loopDelayMs: 1000,
    timeline: () => {
      built++;
      return scenario().userSays('Hi').silence(-1).build();
    },
  });
  const connecting = demo.connect();
  await clock.advanceAsync(300);
  await connecting.catch(() => undefined);

  expect(demo.getState().status).toBe('error');
  expect(demo.getState().error?.message).toMatch(/timeline.*silence\(ms\) needs a duration >= 0/);
  await clock.advanceAsync(60_000);
  expect(built).toBe(1);
  expect(clock.pending()).toBe(0);

  // The next connect() tries again (the app may have fixed what the timeline reads).
  const again = demo.connect();
  await clock.advanceAsync(300);
  await again.catch(() => undefined);
  expect(built).toBe(2);
});
