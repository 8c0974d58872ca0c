import { waitFor } from 'storybook/test';
import type { RealtimeSession, SessionState } from '../../src/index.ts';
import { mountedScenarios } from './scenarioRegistry.ts';
import { WAIT } from './wait.ts';

/** A play function's hold on a story's scripted session. */
export interface ScenarioDirector {
  /** The session of the run being directed. */
  readonly session: RealtimeSession;
  /**
   * Let the scenario play (at the story's speed) until `reached(state)` is true, then hold it
   * there: the state stays on screen for the checks that follow, however slow the machine.
   * Rejects, naming `what`, if the scenario comes to rest first (then, in a person's Storybook,
   * the scenario plays on in real time, as after `release()`).
   */
  runUntil(reached: (state: SessionState) => boolean, what: string): Promise<void>;
  /**
   * The play function is done. In a person's Storybook the scenario goes on in real time; in an
   * automated browser (`navigator.webdriver`) it stays held where the play function checked it,
   * so what runs after the play function (the a11y addon, the browser suite's axe) sees exactly
   * that state.
   */
  release(): void;
}

/** True in a browser driven by automation (Playwright, WebDriver). */
export function isAutomated(): boolean {
  return typeof navigator !== 'undefined' && navigator.webdriver === true;
}

/**
 * Take over the story's `ScenarioSession` (the `index`-th on screen, in mount order): it
 * restarts, held at time 0, and from then on moves only through `runUntil`. Call it first in
 * a play function, before querying the canvas: the restart renders the story again.
 *
 * @example
 * ```ts
 * const scenario = await directScenario();
 * await scenario.runUntil((state) => state.idle.phase === 'timed_out', 'the idle timeout');
 * await expect(canvas.getByRole('button', { name: "I'm still here" })).toBeVisible();
 * ```
 */
export async function directScenario(index = 0): Promise<ScenarioDirector> {
  await waitFor(() => {
    if (mountedScenarios().length <= index) throw new Error(`No ScenarioSession #${index} on screen.`);
  }, WAIT);
  const run = mountedScenarios()[index]!.direct();
  await run.started;
  return {
    session: run.session,
    runUntil: (reached, what) =>
      run.clock.runUntil(() => reached(run.session.getState()), what).catch((error: unknown) => {
        // A person may act while the play function waits (end the session before the banner):
        // the play function fails, but the story plays on, or its "Start session" would wait
        // on a held clock forever. An automated run stays held where it failed.
        if (!isAutomated()) run.clock.play();
        throw error;
      }),
    release: () => {
      if (!isAutomated()) run.clock.play();
    },
  };
}

/**
 * Give a person watching the story time to see a state before the play function acts on it
 * (the scenario is held, so nothing changes meanwhile). No wait in an automated browser.
 *
 * @example
 * ```ts
 * await pauseForViewer(2500);
 * await userEvent.click(stillHere);
 * ```
 */
export function pauseForViewer(ms: number): Promise<void> {
  return isAutomated() ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
