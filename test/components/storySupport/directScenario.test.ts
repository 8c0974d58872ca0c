import { afterEach, describe, expect, it } from 'vitest';
import { createRealtimeSession } from '../../../src/index.ts';
import { createMockTransport } from '../../../src/testing/index.ts';
import { createPacedClock } from '../../../stories/support/createPacedClock.ts';
import { directScenario } from '../../../stories/support/directScenario.ts';
import { registerScenario } from '../../../stories/support/scenarioRegistry.ts';

// A person watching a story can act while its play function directs the scenario (press "End
// session" before the idle banner): the play function fails, and the story must stay alive
// (its clock moving), or "Start session" would wait on a held clock forever.
describe('directScenario in a person’s Storybook', () => {
  const unregister: (() => void)[] = [];
  afterEach(() => unregister.splice(0).forEach((off) => off()));

  it('lets the clock play on when the scenario comes to rest short of the goal', async () => {
    expect(navigator.webdriver).toBeFalsy();
    const clock = createPacedClock(1000);
    const session = createRealtimeSession({ transport: createMockTransport({ clock }), clock });
    unregister.push(
      registerScenario({
        current: () => ({ clock, session, started: Promise.resolve() }),
        direct: () => ({ clock, session, started: Promise.resolve() }),
      }),
    );
    const scenario = await directScenario();
    // Nothing is scheduled: the scenario is at rest (as after the viewer ended the session).
    await expect(scenario.runUntil(() => false, 'a state the viewer cut short')).rejects.toThrow(/came to rest/);
    expect(clock.held).toBe(false);
    clock.dispose();
  });
});
